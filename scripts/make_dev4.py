#!/usr/bin/env python3
"""Generate /work/staging/dev4.jsonl: an independent development corpus of officer speech (issue 14).

Written from scratch by writer-dev4 without looking at the project's frames, lexicon or other corpora, so that
the project can measure whether its detectors recognise the *act* rather than memorised wording.
Leaning: broad paraphrase coverage, short to medium exchanges. Seeded and reproducible:

    python3 make_dev4.py [--seed 4242] [--out /work/staging/dev4.jsonl]

Composition: template frames (>= 25 per act, many slots), a set of hard-negative frames per kind, dialect
transforms, register prefixes, ASR-style damage on about a third, and >= 150 hand-written exchanges (HAND below)
that no template produces.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from typing import Any

LABELS = ("cash_no_receipt", "quota", "verbal_abuse", "threat", "identification", "rights_notice")
KINDS = ("positive", "civilian_says", "officer_refuses", "negation", "lawful_notice", "question",
         "reported_speech", "other")
FORBIDDEN = ("请出示驾驶证", "可以陈述申辩", "我们不收现金", "也可以申请复议", "依法扣留车辆", "说了多少遍了",
             "这是处罚决定书")

# ----------------------------------------------------------------------------------------------- slots
SLOTS: dict[str, list[str]] = {
    "amt": ["两百", "200", "一百五", "五十", "三百块", "五百", "一千", "八十", "二百块钱", "100块", "一张红的",
            "两张红票子", "三张毛爷爷", "150", "300块", "六百", "一百", "四百", "二百五十", "88", "一百二",
            "两百块", "500块", "八百", "一千二"],
    "fine": ["二百元", "五十元", "一百元", "二十元", "两百块", "500元", "一千五百元", "100元"],
    "amt2": ["两百", "一千", "五百", "两千", "一千五"],
    "pts": ["三", "六", "十二", "6", "3", "九", "一"],
    "n": ["十", "15", "二十", "30", "八", "十二", "二十五", "5", "四十", "五十"],
    "k": ["六", "九", "11", "三", "七"],
    "m": ["四", "五", "八", "十", "两"],
    "money": ["五千", "一万", "3000块", "两万", "八千", "一万五", "5000", "六千块"],
    "per": ["一天", "每天", "一个礼拜", "这周", "这个月", "一个班", "每个月", "一季度"],
    "ins": ["蠢货", "傻子", "白痴", "脑残", "废物", "猪脑子", "土鳖", "乡巴佬", "神经病", "二百五", "缺心眼的",
            "瓜娃子", "瘪犊子", "鳖孙", "熊玩意", "扑街", "痴线", "文盲", "混蛋", "窝囊废", "憨包", "傻帽",
            "二愣子", "老不死的", "王八蛋", "死肥猪", "没脑子的东西", "败家玩意", "彪子", "山炮"],
    "veh": ["车", "电动车", "三轮", "货车", "摩托", "小轿车", "面包车", "渣土车", "出租车"],
    "viol": ["闯红灯", "逆行", "不戴头盔", "违停", "压实线", "超速", "超载", "没系安全带", "开车打电话",
             "走非机动车道", "不礼让行人", "占用应急车道", "无证驾驶", "酒后驾驶"],
    "city": ["济南", "菏泽", "淄博", "郑州", "洛阳", "沈阳", "哈尔滨", "成都", "绵阳", "广州", "佛山", "临沂",
             "潍坊", "长春", "南阳", "东莞", "泰安", "开封"],
    "dadui": ["一大队", "二大队", "三大队", "高新区大队", "城区大队", "开发区大队", "直属大队", "铁骑大队",
              "高速大队", "第四大队"],
    "zhongdui": ["一中队", "二中队", "三中队", "机动中队", "秩序中队", "事故中队", "五中队"],
    "num": ["037215", "0 4 6 1 8 8", "二一五三零七", "112345", "073309", "零八六二一四", "321406", "095527",
            "两五七三六八", "150092"],
    "surname": ["王", "李", "张", "刘", "陈", "赵", "孙", "周", "吴", "郑", "马", "高", "孔", "于", "梁"],
    "given": ["建国", "海涛", "志强", "晓东", "伟", "磊", "红梅", "立新", "俊杰", "春生"],
    "cciv": ["大哥", "师傅", "小伙子", "大姐", "老板", "同志", "哥们", "美女", "大爷", "老乡"],
    "colleague": ["老王", "小李", "张哥", "刘队", "小陈", "老赵", "孙姐", "马哥"],
    "phone": ["手机", "那破手机", "你手里那个"],
}

# ----------------------------------------------------------------------------------------------- context turns
CIV_OPEN = ["警官，咋了？", "我没闯红灯啊", "我就停一分钟", "师傅我赶着接孩子", "啥事儿啊", "我这不是故意的",
            "哎哟，这不是刚变黄灯嘛", "警察同志，通融通融", "我马上就走，马上", "我外地的，不熟悉路",
            "怎么又是我", "我真的有急事", "不是，我咋了", "你们这也太狠了吧", "我头盔在车筐里呢",
            "能不能少罚点", "这次就算了吧", "我就买个早点", "哥，给个面子", "我证件没带"]
OFF_OPEN = ["停一下，靠边", "驾驶证、行驶证拿出来看看", "你刚才{viol}了知道吗", "把车熄火", "你这是{viol}",
            "头盔呢", "这里不能停车", "下车，把后备箱打开", "{cciv}，过来一下", "你这{veh}是谁的",
            "往这边靠，别挡道", "知道为什么拦你吗", "证件带了没有", "你这车牌怎么挡上了", "吹一下，用力吹"]
CIV_CLOSE = ["好吧", "行", "知道了知道了", "我下次注意", "哎，行吧", "那我走了啊", "中", "成成成", "嗯",
             "真倒霉", "好好好", "这叫什么事儿"]
OFF_CLOSE = ["下次注意", "走吧", "慢点开", "靠边等着", "签个字", "拿好你的证", "别再让我看见你{viol}", "行了"]

# (civilian protest, officer reply) pairs for the longer stops
MID = [("我真没看见那个牌子", "牌子就在你头顶上"), ("前面那个车也这么走的你咋不拦", "别人是别人，现在说的是你"),
       ("我上班要迟到了", "别急，一个一个来"), ("我这车是借的", "借的也一样，开车的是你"),
       ("我就差一点点", "差一点也是{viol}"), ("这路口灯设得也太短了", "灯短你也得等"),
       ("我老婆在医院等着呢", "你先别激动，听我说"), ("我又不是故意的", "{viol}就是{viol}，故意不故意都一样"),
       ("你们天天在这儿蹲着", "我们在这是管秩序的"), ("这也算违章啊", "算，你这样开多危险你知道吗"),
       ("我证在车里，我去拿", "去拿，别乱跑"), ("我没钱交罚款", "先把事情说清楚")]
REGISTER_PREFIX = {
    "formal": ["您好，", "同志，", "这位驾驶人，", ""],
    "curt": ["", "喂，", "嗯，"],
    "tired": ["唉，", "哎呀，", "我跟你讲，", ""],
    "angry": ["你听好了，", "嘿！", "你给我听着，", ""],
    "friendly": ["{cciv}，", "哎{cciv}，", "来来来，", ""],
}

# ----------------------------------------------------------------------------------------------- positive frames
# A frame is a list of turns "S:text"; S is O (officer), C (civilian), X (colleague officer); a "*" after S marks the
# turn that carries the act. A plain string is a one-turn officer frame carrying the act.
POS: dict[str, list] = {}
POS["cash_no_receipt"] = [
    "{amt}给我，单子就不开了", "你拿{amt}出来，这事就算了", "微信转我{amt}，分不给你扣",
    "扫我这个码，{amt}，完了你走人", "要么罚款扣{pts}分，要么{amt}私了，你自己选", "给个{amt}的红包，我就当没看见",
    "{amt}现金，不用开票了，开了你还得跑银行", "这样吧，{amt}，我也不给你录系统了",
    "支付宝转{amt}到这个号，罚单我撕了", "你懂的，意思意思，{amt}就行", "不开票的话{amt}，开票就得{amt2}，你看着办",
    "把钱塞我兜里，{amt}，别让记录仪拍着", "{amt}，我给你抹了，系统里什么都查不到", "私了吧，{amt}，大家都省事",
    "给{amt}茶水钱，今天就放你过去", "你给我发个{amt}的红包，车开走", "收据就别要了，{amt}直接给我",
    "这钱交给我就行，{amt}，不用去银行", "我眼睛一闭，{amt}，你走你的", "加我微信，转{amt}过来，这个事不上报",
    "{amt}拿来，本子上一分都不扣你的", "这个码是我自己的，扫{amt}就完事", "掏{amt}吧，比扣分划算多了",
    "行了，{amt}，我不写了", "你买包烟的钱，{amt}，咱就两清", "不想扣分是吧，{amt}，我这就放你",
    "钱给我，票就免了，{amt}", "{amt}交了就走，什么单子不单子的", "往我这个二维码上付{amt}，不用回执",
    "你这情况按说要扣{pts}分，给我{amt}我不往上报",
    ["O:你看这样行不行", "C:咋样？", "O*:{amt}，给我，票就不开了"],
    ["C:能不能别扣分啊", "O*:扣不扣分看你，{amt}的事"],
    ["O:罚单开出来你得扣{pts}分", "C:那可咋办", "O*:你自己掂量，手里有现金没有，{amt}"],
    ["C:要多少？", "O*:{amt}，转我微信上，别问了"],
    ["O*:我这有个码", "C:啥码", "O*:你扫就完了，{amt}，单子我不写"],
    ["C:{cciv}，这钱交哪儿", "O*:交啥银行，给我就行，{amt}"],
]
POS["quota"] = [
    "这个月还差{n}张单子，你别怪我", "上面{per}要{n}张，我也没办法", "今天不罚够{money}，回去要挨批",
    "我们队排名倒数，这周得多开点", "{per}{n}个罚单的任务，完不成扣绩效", "月底了，数还没完成呢",
    "领导给下的数，每人{per}{n}起", "开单子是有数的，不够数要通报", "罚单排名我们中队垫底，这不得抓紧",
    "{n}张是底线，少一张都交不了差", "今天已经开了{k}张，还差{m}张", "这个月罚款额要到{money}，你说我能不罚你吗",
    "一人{per}{n}单，上头定死的", "考核看的就是罚了多少，罚得少奖金就没了", "按排名发奖金，开单多的拿得多",
    "季度任务还差一截，这几天外地车多抓几个", "不完成数，明天早会又得点名", "每人{per}罚款{money}，这是硬杠杠",
    "大队给我们定了{per}{n}张的量", "今天这数还没够，所以你就赶上了", "我们也是按件计的，一张单子算一分",
    "排行榜上我倒数第二了，得往上冲冲", "上面要求每个路口{per}至少{n}张", "凑单呢，你来得正好",
    "完不成{n}张，这个月的钱扣一半", "指标压下来了，{per}{n}张，谁也跑不了", "不够{n}个，我们班长下不了班",
    ["X*:{colleague}，咱俩今天凑够{n}个没", "O:还差几个"],
    ["X:你咋还不收工", "O*:数没够啊，还差{m}张，上面盯着呢"],
    ["C:你们是不是有指标", "O*:有又咋了，{per}{n}张，你说我罚不罚你"],
    ["O*:我也不想罚你", "C:那你放我走呗", "O*:放你走我这个月的罚款额谁给我补，还差{money}"],
    ["C:就这点事至于吗", "O*:至于，考核按罚单数排名，我垫底要写检查"],
]
POS["verbal_abuse"] = [
    "你个{ins}，红灯看不见？", "{ins}，往哪开呢", "跟你说话听不懂？{ins}", "就你这{ins}样还开车",
    "瞅你那{ins}样", "{ins}一个，还跟我犟", "你是不是{ins}啊，这都不知道", "滚一边去，{ins}",
    "什么玩意儿，{ins}", "你脑子里装的都是屎吧", "长得人模狗样的，干的啥事", "我看你就是欠收拾的{ins}",
    "{ins}，闭嘴", "你这种人就是社会渣滓", "没文化真可怕，{ins}", "你妈没教你怎么过马路？", "眼瞎啊你，{ins}",
    "跟个{ins}似的杵那儿干嘛", "老东西，倚老卖老", "你算个什么东西", "一看就是个{ins}，开个破车还横",
    "{ins}玩意儿，赶紧挪车", "穷鬼还学人家开车", "你耳朵塞驴毛了？", "蠢得跟猪一样",
    "给脸不要脸的东西", "狗一样的东西，乱窜什么",
    ["C:我又没撞着人", "O*:没撞着？你个{ins}还有理了"],
    ["O:证呢", "C:在家里忘带了", "O*:忘带？脑子也忘带了吧，{ins}"],
    ["C:你凭什么拦我", "O*:凭什么？就凭你是个{ins}"],
    ["O:下车", "C:我不下", "O*:不下？你个{ins}听不懂人话？"],
]
POS["threat"] = [
    "信不信我让你这{veh}今天开不走", "再废话{phone}给你砸了", "你要再录，我把你手机没收了",
    "不配合是吧，我让你驾照保不住", "你要敢投诉，以后在这片别想开车", "你再顶嘴，我让你在里面蹲几天",
    "我记住你车牌了，以后见一次罚一次", "你孩子在哪上学我都能查到", "别给脸不要脸，不然有你好受的",
    "你试试，看我能不能让你工作丢了", "再往前一步我就动手了", "你这店还想不想开了",
    "不签字？那就别怪我给你多写几条", "惹毛了我，你这{veh}直接拖去报废", "跟我横？我一个电话你就得进去",
    "今天不把这事了了，你就别想走", "把手机放下，不然连人带手机一起带走", "你再嚷嚷，我让你这辈子开不了车",
    "你要是敢发网上，我找人收拾你", "走着瞧，下回别让我碰见你", "信不信我给你扣个妨碍公务，让你留案底",
    "小心点，你家住哪我清楚得很", "你要不听话，这{veh}我给你扣到年底", "老实点，不然让你吃不了兜着走",
    "再犟一句，分给你扣光", "你那个{veh}，以后别想在这条路上跑", "拍，接着拍，拍完我让你手机变砖头",
    "你再这个态度，我让你儿子考公政审过不了",
    ["C:我要投诉你", "O*:投诉？你投一个试试，看你以后还能不能在这片混"],
    ["C:我就录，咋了", "O*:你录，录完了手机归我，人也别想走"],
    ["O:把车挪了", "C:凭啥", "O*:凭啥？再问一句我把你车胎扎了"],
    ["C:我不签", "O*:不签是吧，行，你这驾照今年就别想要了"],
]
POS["identification"] = [
    "您好，我是{city}交警{dadui}{zhongdui}的民警，警号{num}", "我是这个路口执勤的交警",
    "{city}公安交警支队，正在执行公务", "我们是交警{dadui}的，现在对过往车辆进行检查",
    "我是辅警{surname}{given}，协助民警执勤", "本人警号{num}，{dadui}执勤民警", "{cciv}，交警，例行检查",
    "我是负责这片的交警，姓{surname}", "{dadui}{zhongdui}，民警{surname}{given}", "您好，交警队的，麻烦您靠边",
    "我们是高速交警{dadui}的", "警号{num}，你可以记下来", "我是{zhongdui}的，这是我的警官证",
    "你好，{city}交巡警，我姓{surname}", "我肩上这个号是{num}，{dadui}民警", "我们是公安交通管理部门的，现在开展检查",
    "你好你好，我是辅警，那边是我们民警", "我是今天带班的民警，{surname}警官", "交警{zhongdui}执法，请配合",
    "我们{dadui}事故处理组的", "你好，我是{city}交警支队直属{dadui}的", "我是管这个路段的铁骑队员，警号{num}",
    "公安局交警大队，执勤，停车", "我们是交警，这是执法记录仪，全程录像", "我就是这个中队的中队长，我姓{surname}",
    "{city}市公安局交通警察，编号{num}", "俺是{dadui}的交警，正常查车",
    ["C:你谁啊你", "O*:{city}交警{dadui}的，警号{num}，看清楚了"],
    ["C:你哪个单位的", "O*:{dadui}{zhongdui}，我是这的民警"],
    ["O*:你好，{city}交警", "C:咋了", "O:你这车{viol}了"],
    ["C:你是警察还是协警", "O*:我是辅警，姓{surname}，民警在那边车上"],
]
POS["rights_notice"] = [
    "对这个处罚，你有权陈述和申辩", "你有什么要说的，现在就能提出陈述、申辩，我们会听",
    "不服这个决定，六十日内能申请行政复议，六个月内也能向法院起诉", "依照法律，你享有陈述权和申辩权",
    "你要是有异议，现在就讲，讲的理由我们都会记下来复核", "这个决定书背面写了，不服能复议或者打官司",
    "在作出处罚前告诉你，你有陈述、申辩的权利", "对处罚不服的，可以向{city}市公安局申请复议",
    "你有权提出申辩，我们要听取你的意见", "你觉得不对，可以去法院提起行政诉讼",
    "有啥要说的你说，这是你的权利，陈述申辩都行", "告知你一下，你可以对这个违法事实进行陈述和申辩",
    "你有权对本次处罚提出复议", "不服的话，在六十天以内向上一级公安机关申请复议",
    "你的申辩我们会记录在案，理由成立的会采纳", "先跟你说清楚，你有为自己辩解的权利",
    "按程序告诉你，你有陈述申辩权，要不要申辩？", "复议、诉讼这两个途径你都有，期限单子上写着",
    "下面告知你的权利：陈述权、申辩权", "有不同意见现在就提，提了我们要复核", "觉得冤能走复议，也能直接起诉我们",
    "这个处罚你要不服，有权向人民法院提起诉讼", "你对违法事实有异议的话，提出来，我们必须听",
    "你有权利为自己申辩，我们不会因为你申辩加重处罚", "处罚之前你能说说你的理由，陈述、申辩是你的权利",
    "这张单子你不认，六十天里能去复议，不用跟我吵",
    ["C:那我不服咋办", "O*:不服能申请行政复议，也能去法院告，单子上写着呢"],
    ["O:你{viol}，罚款{amt}", "C:我有话要说", "O*:你说，陈述和申辩是你的权利，我给你记上"],
    ["O*:你对这个处罚有没有要陈述的？有权申辩的", "C:没有"],
    ["C:我冤枉啊", "O*:冤枉你就提出申辩，我们复核，不行你还能复议"],
]

# ----------------------------------------------------------------------------------------------- hard negatives
NEG: dict[str, list] = {}
NEG["civilian_says"] = [
    ["C:警官，我给你两百，单子别开了行不", "O:把你的证拿出来"],
    ["C:我转你微信吧，不扣分行不行", "O:按规定处理，去银行缴"],
    ["C:你们是不是有指标啊，{per}要罚多少", "O:驾驶证给我"],
    ["C:月底了是吧，冲业绩呢", "O:你{viol}了"],
    ["C:你个{ins}，凭什么拦我", "O:请你注意言辞"],
    ["C:{ins}交警，就知道罚钱", "O:你冷静一下"],
    ["C:信不信我投诉你，让你丢饭碗", "O:投诉是你的权利，电话单子上有"],
    ["C:我哥在你们{dadui}，我一个电话你就完了", "O:那你打吧，该怎么处理还怎么处理"],
    ["C:我要申辩，我要复议", "O:先把单子签了，背面有说明"],
    ["C:我是{city}交警{dadui}的，自己人", "O:自己人也得按规定来"],
    ["C:俺也是当辅警的，恁通融通融", "O:辅警更得守规矩"],
    ["C:我以前也是干交警的，警号{num}", "O:那你更应该知道不能{viol}"],
    ["C:扫码交行不行，我没现金", "O:罚款要到银行或者网上缴，不在这交"],
    ["C:给你包烟，别罚了", "O:拿回去"],
    ["C:你再拦我，我把你车砸了", "O:你这样说话我要记录"],
    ["C:我没听说过什么陈述申辩", "O:单子上写着，你看背面"],
    ["C:你是不是瞎，我明明是绿灯", "O:视频里看得很清楚"],
    ["C:私了多少钱", "O:没有私了这一说"],
    ["C:你们一个月罚{n}张有提成吧", "O:没这回事，签字吧"],
    ["C:我就是{ins}行了吧，我认罚", "O:好好说话，签个字"],
]
NEG["officer_refuses"] = [
    "钱你收回去，罚款去银行交，别往我手里塞", "红包就免了，该扣的分一分不会少",
    "别给我转账，我这不收任何钱，缴款书拿好自己去交", "你塞我烟干啥，拿走，按程序来",
    "私了？没有这种说法，单子照开", "不用给我钱，网上交或者去工行交都行",
    "我不要你的钱，我要你下次别{viol}", "哪来的任务，罚不罚就看你违没违法",
    "没人给我们定数，别瞎说", "我们不按罚单算绩效，你别往这上面扯",
    "你想多了，罚款跟我们一分钱关系没有", "二维码？我哪有什么二维码，交款用单子上那个银行的",
    "钱我一分不碰，这是规矩", "别跟我提钱，提钱这事就大了",
    ["C:给你两百，放我走", "O:拿回去，这话我当没听见，该罚的罚"],
    ["C:要不我微信转你", "O:转什么转，单子拿着去银行"],
    ["C:你们这个月有指标吧", "O:没有，谁跟你说的，我们只管违法不违法"],
    ["C:是不是罚够数就收工", "O:收不收工跟罚多少没关系"],
    ["C:{cciv}，一点心意", "O:收起来，我要收了你这钱我这身衣服就别穿了"],
    ["C:这钱给你，不用开票了吧", "O:票必须开，钱不能给我"],
]
NEG["negation"] = [
    "我没骂你，我是说你这样骑车太危险", "我可没吓唬你，就是把规定讲给你听", "我们从来不下罚款指标",
    "没有排名这一说，罚多罚少都一样", "我又没让你给我钱", "我不会扣你的车，补个手续就行",
    "没说你是{ins}，你别自己往身上揽", "这次不罚你，口头警告", "不用交钱，这次只纠正",
    "没有人让我们凑数", "我不是要收你手机，你录你的，没事", "我没说不让你申辩，你想说就说",
    "这不是威胁你，你别误会", "不扣分也不罚款，外地车这次只提醒", "你这情况不扣车，放心",
    ["C:你是不是要扣我车", "O:不扣，你把头盔戴上就走"],
    ["C:你刚骂我了吧", "O:没有，我说的是这车太脏了看不清牌照"],
    ["C:要罚多少", "O:不罚，今天给你个警告，下不为例"],
    ["C:你们是不是要完成任务", "O:不是，没有任务，我就是在这维持秩序"],
    ["O:今天这个我不罚你，主要是提醒你", "C:谢谢谢谢"],
]
NEG["lawful_notice"] = [
    "你这是酒驾，按照规定驾驶证暂扣六个月，罚款一千到两千", "超载的车要等卸完货才放行，这是道交法第九十二条",
    "闯红灯记六分，罚款两百，单子你拿好", "你这车没有号牌，先移到停车场，补齐手续再来领",
    "无证驾驶，车要暂扣，人要接受调查，这是法律规定的", "罚款{fine}，十五日内到银行缴纳，逾期每日加罚百分之三",
    "这个要扣{pts}分，罚款会出决定书，拿决定书去交", "醉驾要追究刑事责任，现在带你去医院抽血",
    "按行政处罚法，当场收一百以下的罚款要开财政票据，这是票据", "这是代收罚款的银行收据，你核对一下金额",
    "扫这个码是交管12123的缴费页面，钱直接进财政账户", "罚款你用12123交，交完系统自动消",
    "你这属于超速百分之五十以上，罚款加吊销驾照，要走程序", "非机动车闯红灯罚二十，我现在开票，给你收据",
    "你要是拒绝检查，我们要依照规定强制检测，先告诉你", "车要拖到停车场，拖车费按标准收，有票据",
    ["C:要扣车啊？", "O:对，你没有驾驶证，车辆先暂扣，拿证来领，这里有凭证"],
    ["O:一百块当场交，这是省财政的票据，你收好", "C:好"],
    ["C:扣几分", "O:十二分，醉驾是要吊销的，后面法院判"],
    ["O:你拒不挪车的话我们会按规定拖移，费用你承担", "C:行行，我挪"],
    ["O:注意，这是高速，人别站在车边上，被撞了不是闹着玩的", "C:知道了"],
    ["O:别往前走了，前面塌方，车掉下去就完了", "C:这么严重？"],
    "小心后面来车，你这样站着要出人命的",
    "你再这么骑，迟早被大车卷进去，我是真替你担心",
]
NEG["question"] = [
    ["C:你是哪个单位的", "O:证件你看一下"],
    ["C:你们有没有罚款任务？", "O:你{viol}了，这跟任务没关系"],
    ["C:你这是要吓唬我？", "O:我是跟你讲道理"],
    ["C:你骂谁呢？", "O:我没骂人，你听错了"],
    ["C:能不能现金交给你", "O:现金不行，去银行"],
    ["C:我有没有申辩的机会", "O:你先说你的情况"],
    ["C:警号多少？我要记下来", "O:你看我胸口"],
    "你要不要签字？", "你这车是你本人的吗？", "你知道自己{viol}了吗？",
    ["O:你是哪个单位的？", "C:我是送外卖的"],
    ["C:扣不扣分啊", "O:你先把证给我看看"],
    ["C:你们这样是不是为了凑数", "O:你觉得呢，你自己{viol}了吧"],
    ["C:我能复议吗？", "O:单子上有说明，你自己看"],
]
NEG["reported_speech"] = [
    ["C:你刚说要我两百不开票？", "O:我说的是罚款两百，去银行交"],
    ["O:有人举报说这个路口的交警收钱，今天督察来了", "X:咱们按规矩来就不怕"],
    ["C:网上都说你们月底冲指标", "O:网上说的你也信"],
    ["O:上回有个司机投诉说我骂他{ins}，调了记录仪，根本没有", "C:哦"],
    ["C:我朋友说你们{dadui}的交警威胁他要扣车", "O:那让他来投诉，有记录可查"],
    ["X:那个人说他是交警家属", "O:家属也一样处理"],
    ["O:培训的时候讲了，不许说“{ins}”这种话，你们都注意", "X:知道了"],
    ["O:老规定是要告知陈述申辩，上回督察就查这个", "X:嗯，我每次都讲"],
    ["C:刚才那个人说你要砸他手机？", "O:没有的事，视频都在"],
    ["O:他刚才说‘给你五百私了’，我没理他", "X:对，都录着呢"],
    ["C:我听说以前一天要罚{n}张", "O:以前的事我不清楚，现在没有这说法"],
    ["O:法律写着呢，不准给交警下罚款指标", "C:真的？"],
]
NEG["other"] = [
    "今天站了十个小时，腿都不是自己的了", "这个月加班太多了，家都回不去", "一早上处理了六起事故，累死了",
    "哈哈，你这车比我那辆还干净", "{cciv}你这头盔挺好看啊，哪买的", "下雨了，慢点开，路滑",
    ["X:{colleague}，换班了", "O:好嘞，我把记录仪交了"],
    ["O:今天早高峰车贼多", "X:可不是嘛，我嗓子都喊哑了"],
    ["O:你这小狗挺乖啊", "C:嘿嘿，它就爱坐车"],
    ["C:警察同志辛苦了", "O:应该的，快走吧，后面堵了"],
    ["O:笨是笨了点，我说我自己啊，笔又忘带了", "X:哈哈哈"],
    ["O:这台机器又死机了", "X:打电话让他们来修"],
    ["O:今年的执法规范化培训考试你过了没", "X:过了，八十多分"],
    "路口信号灯坏了，我在这指挥，大家慢点过",
]


# more hard negatives, with slots, so that each kind has many surface forms
NEG["civilian_says"] += [
    ["C:{cciv}，{amt}你拿着，就当没看见我", "O:拿回去，按{viol}处理"],
    ["C:我扫你码行不，{amt}，不用开票了", "O:没有这种交法，决定书拿去银行"],
    ["C:你们{per}罚{n}张才能下班吧", "O:你先把车停好"],
    ["C:你再拦我试试，我让你这身皮扒了", "O:你的话都录下来了，注意点"],
    ["C:{ins}，你懂个屁的交规", "O:你可以有意见，但别骂人"],
    ["C:我是{city}{dadui}的辅警，下班路过", "O:下班了也得戴头盔"],
    ["C:你还没跟我说我有权申辩呢", "O:你先别急，让我把情况说完"],
    ["C:我爸是{dadui}的，你敢罚我", "O:谁的孩子都一样"],
]
NEG["officer_refuses"] += [
    ["C:{amt}，放我一马", "O:放不了，钱也别给我，罚款走银行"],
    ["C:加个微信吧{cciv}", "O:不加，有事打122"],
    ["C:要不我给你{amt}，你别扣我分", "O:分照扣，钱你留着交罚款"],
    "把你那钱收好，该交多少交银行，我手里一分不过",
    "别塞了，我跟你说了，我们交警不经手罚款",
    ["C:你们是不是要冲{per}的数", "O:没有数，你{viol}我就处理，不违法我不拦你"],
    ["C:这是一点心意，{amt}", "O:心意领了，钱不要，你再这样我就记下来了"],
    ["C:{cciv}，别开票了，我给你现金", "O:票照开，现金不收"],
]
NEG["negation"] += [
    "我没说你是{ins}，我说的是这事办得不对", "{viol}这个不扣你的车，你别担心", "没人逼你给钱，罚款去网上交",
    "这回不罚了，你{viol}的情况我教育一下就行", "我们这儿不定数，你别听他们瞎说", "我不是冲你发火，天太热了",
    "我没吓唬你，酒驾真的会出人命的", "你别怕，我不收你手机，你接着录",
    ["C:是不是得给你点啥", "O:啥也不用给，把{veh}推到边上就行"],
    ["C:你们不是要凑罚单吗", "O:不是，今天主要是劝导"],
    ["C:你是不是要吊销我驾照", "O:没那么严重，{viol}就是记分罚款"],
]
NEG["lawful_notice"] += [
    "{viol}，罚款{fine}，记{pts}分，决定书上有缴款银行", "当场罚款{fine}，这是省财政厅监制的票据，你看一下",
    "你这车要暂扣，这是暂扣凭证，处理完违法来领", "按规定现在要对你进行酒精检测，拒绝的话会强制抽血",
    "你超载了，先卸货，卸完再走，罚款去银行交", "驾驶证被暂扣期间不能开车，开了就是无证驾驶",
    "罚款你在交管12123上交，交完上面有电子票据", "这是强制措施凭证，一式两份，你签个字，一份给你",
    "前面结冰了，车速降到三十以下，别急刹车", "这个路口大车右转有盲区，电动车别往车边上凑，会被卷进去",
    ["C:你要扣我驾照？", "O:醉酒驾驶是要吊销的，这个我得跟你讲清楚，后续法院处理"],
    ["C:罚多少", "O:{fine}，当场交的话给你开财政票据，不想当场交就去银行"],
    ["C:你扣我车凭啥", "O:你这车没有号牌，按规定先扣，凭证在这里，补了牌来提"],
]
NEG["question"] += [
    ["C:你是不是新来的辅警", "O:你先把车停好"], ["C:你们{dadui}在哪", "O:你问这个干啥"],
    ["C:我能不能不交罚款", "O:你{viol}了，罚款是要交的"], "你是不是喝酒了？", "你的行驶证呢？在车上吗？",
    ["C:你这是要扣我车吗？", "O:先看看你证件"], ["C:我要是不服呢？", "O:先把事情说清楚"],
    ["C:这钱给谁？", "O:给银行，谁也不给"], ["C:你们是不是按罚单数发奖金？", "O:你先把头盔戴上"],
    ["O:你刚才是不是说我骂你了？", "C:对啊"],
]
NEG["reported_speech"] += [
    ["C:我听说有的交警说不给钱就扣车", "O:有这种事你打12389举报"],
    ["O:上回那个司机跟督察说我收了他{amt}，查了记录仪，我是开的票", "X:清者自清"],
    ["C:我同事说你们这儿一个月要罚{money}", "O:他瞎说"],
    ["O:你说我威胁你？我刚才原话是让你把车挪开", "C:你那口气就是威胁"],
    ["X:群众投诉说咱们有人骂人是{ins}", "O:查，谁说的谁负责"],
    ["C:那边那个交警说他是{zhongdui}的", "O:对，有事你找他"],
    ["O:文件上写了，严禁以罚款数量排名考核", "X:早该这样"],
]
NEG["other"] += [
    "今天一上午处理了{k}起事故，腰都直不起来", "{colleague}，你那边路口车多不多", "雨太大了，{cciv}你找地方避避雨",
    ["X:今天{per}都在这站着，累不累", "O:累，习惯了"], ["O:这单子我开错了，重开一张", "C:哦"],
    ["O:{cciv}，你这鞋挺好看，哪买的", "C:网上买的"], ["O:我们这岗真是天天挨骂", "X:谁说不是呢"],
    "傻人有傻福，说的就是我，今天抽中了值夜班", "你孩子真可爱，几岁了？",
]

# ----------------------------------------------------------------------------------------------- dialects
DIALECT: dict[str, dict[str, Any]] = {
    "shandong": {"sub": [("干什么", "弄啥嘞"), ("怎么", "咋"), ("什么", "啥"), ("我们", "俺们"), ("我", "俺"),
                         ("你们", "恁们"), ("你", "恁"), ("行不行", "中不中"), ("很好", "杠好"), ("好不好", "中不中")],
                 "tail": ["，中不中？", "，知道不", "", ""], "p": 0.7},
    "henan": {"sub": [("干什么", "弄啥嘞"), ("怎么", "咋"), ("什么", "啥"), ("行不行", "中不中"), ("好吧", "中吧"), ("好的", "中"),
                      ("为什么", "为啥"), ("你", "恁")], "tail": ["，中不中", "，得劲不", "", ""], "p": 0.6},
    "northeast": {"sub": [("干什么", "嘎哈"), ("怎么办", "咋整"), ("什么", "啥"), ("怎么", "咋"), ("很", "贼"),
                          ("不知道", "整不明白")], "tail": ["，嗯呐", "，听着没", "", ""], "p": 0.7},
    "sichuan": {"sub": [("什么", "啥子"), ("怎么", "咋个"), ("知道", "晓得"), ("不要", "莫"), ("没有", "没得")], "tail": ["噻", "嘛", "，要得不", ""], "p": 0.7},
    "cantonese_mandarin": {"sub": [("什么", "咩"), ("不要", "唔好"), ("没有", "冇"), ("谢谢", "唔该"),
                                   ("他", "佢")], "tail": ["啦", "咯", "喔", ""], "p": 0.6},
}

# ----------------------------------------------------------------------------------------------- ASR damage
HOMO = [("陈述", "陈数"), ("申辩", "身边"), ("申辩", "申变"), ("复议", "复意"), ("诉讼", "诉松"), ("罚单", "罚蛋"),
        ("二维码", "二维马"), ("驾驶证", "加试证"), ("交警", "交井"), ("指标", "指表"), ("罚款", "发款"),
        ("扣分", "口分"), ("行驶证", "行使证"), ("蠢货", "纯祸"), ("红包", "洪包"), ("微信", "威信"),
        ("转账", "赚帐"), ("私了", "私聊"), ("警号", "井号"), ("大队", "大对"), ("中队", "中对"),
        ("支付宝", "支付包"), ("收据", "收句"), ("傻子", "沙子"), ("白痴", "白吃"), ("废物", "费物"),
        ("信不信", "信不行"), ("扣车", "口车"), ("驾照", "假照"), ("起诉", "起素"), ("辅警", "府警"),
        ("民警", "明警"), ("权利", "全力"), ("任务", "认务"), ("排名", "排明"), ("手机", "收鸡"),
        ("执勤", "值勤"), ("脑残", "老残"), ("混蛋", "浑蛋"), ("砸了", "杂了"), ("处罚", "出罚")]
CN_DIG = dict(zip("零一二两三四五六七八九", "01223456789"))
DIG_CN = dict(zip("0123456789", "零一二三四五六七八九"))
CN_NUM = re.compile(r"[一二两三四五六七八九十百千万]+(?=[块张分个起单天元])")


def cn2int(t: str) -> int | None:
    """Chinese numeral phrase (两百, 一百五, 十二, 一千二) to an integer, as Whisper often writes amounts in digits."""
    units = {"十": 10, "百": 100, "千": 1000, "万": 10000}
    total, cur, last_unit = 0, 0, 1
    for c in t:
        if c in CN_DIG:
            cur = int(CN_DIG[c])
        elif c in units:
            u = units[c]
            total += (cur or 1) * u
            cur, last_unit = 0, u
        else:
            return None
    if cur:
        total += cur * (last_unit // 10 if last_unit >= 10 and total else 1)
    return total or None


PUNCT = re.compile(r"[，。？！、：；“”‘’,.?!]")


def asr_damage(rng: random.Random, text: str) -> str:
    """Whisper-like damage: homophones, a dropped or doubled character, numerals switched, punctuation lost."""
    for a, b in HOMO:
        if a in text and rng.random() < 0.55:
            text = text.replace(a, b, 1)
    if rng.random() < 0.6:
        text = PUNCT.sub(" " if rng.random() < 0.3 else "", text).strip()
    if rng.random() < 0.5:
        if rng.random() < 0.5:
            text = CN_NUM.sub(lambda m: str(cn2int(m.group(0))) if cn2int(m.group(0)) is not None else m.group(0),
                              text)
        else:
            text = re.sub(r"\d+", lambda m: "".join(DIG_CN[c] for c in m.group(0)) if rng.random() < 0.5
                          else m.group(0), text)
    return text


def asr_slip(rng: random.Random, text: str) -> str:
    """A dropped or doubled character, applied to one turn of an exchange (Whisper rarely garbles every turn)."""
    if len(text) > 6 and rng.random() < 0.5:
        i = rng.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1:]
    elif len(text) > 4 and rng.random() < 0.4:
        i = rng.randrange(0, len(text))
        text = text[:i] + text[i] + text[i:]
    return text


# ----------------------------------------------------------------------------------------------- helpers
def fill(rng: random.Random, s: str) -> str:
    """Fill {slot}s; a slot named twice in one sentence gets the same filler ("逆行就是逆行")."""
    chosen: dict[str, str] = {}

    def pick(m: re.Match) -> str:
        k = m.group(1)
        if k not in chosen:
            chosen[k] = rng.choice(SLOTS[k])
        return chosen[k]
    return re.sub(r"\{(\w+)\}", pick, s)


def parse_frame(frame) -> list[tuple[str, bool, str]]:
    """Return turns as (speaker, carries_act, text)."""
    if isinstance(frame, str):
        return [("O", True, frame)]
    out = []
    for t in frame:
        head, text = t.split(":", 1)
        out.append((head[0], head.endswith("*"), text))
    return out


SPK = {"O": "officer", "X": "officer", "C": "civilian", "U": "unknown"}


def dialectise(rng: random.Random, region: str, text: str) -> str:
    d = DIALECT[region]
    for a, b in d["sub"]:
        if a in text and rng.random() < d["p"]:
            text = text.replace(a, b)
    if rng.random() < 0.2 and text and not re.search(r"[？?吗呢]", text):
        text = text.rstrip("。") + rng.choice(d["tail"])
    return text


def build(rng: random.Random, core: list[tuple[str, bool, str]], labels: list[str], kind: str,
          register: str, allow_context: bool = True) -> dict:
    """Wrap a core frame with context turns, a register, maybe a dialect and ASR damage."""
    turns = [(s, a, fill(rng, t)) for s, a, t in core]
    tags: list[str] = ["template"]
    ctx_idx: set[int] = set()
    if any(s == "X" for s, _, _ in core):
        tags.append("colleague")
    if sum(1 for _, a, _ in core if a) > 1 or (len(core) > 1 and labels and core[-1][1] and core[0][1] is False):
        tags.append("split_turns")
    # register prefix on the first officer act turn (not in talk between colleagues: no "大姐，" to a colleague)
    for i, (s, a, t) in enumerate(turns if "colleague" not in tags else []):
        if s == "O" and (a or not labels):
            turns[i] = (s, a, fill(rng, rng.choice(REGISTER_PREFIX[register])) + t)
            break
    tags.append(register)
    if allow_context and "colleague" not in tags:  # talk between colleagues is not wrapped in a stop
        pre: list[tuple[str, bool, str]] = []
        r = rng.random()
        if r < 0.35:
            pre = [("O", False, fill(rng, rng.choice(OFF_OPEN)))]
        elif r < 0.6:
            pre = [("C", False, rng.choice(CIV_OPEN))]
        elif r < 0.8:
            pre = [("O", False, fill(rng, rng.choice(OFF_OPEN))), ("C", False, rng.choice(CIV_OPEN))]
        if rng.random() < 0.15:
            # a longer back-and-forth before the act, as on a real stop
            for _ in range(rng.randint(1, 2)):
                c, o = rng.choice(MID)
                pre += [("C", False, c), ("O", False, fill(rng, o))]
        post: list[tuple[str, bool, str]] = []
        if rng.random() < 0.45:
            post.append(("C", False, rng.choice(CIV_CLOSE)))
            if rng.random() < 0.4:
                post.append(("O", False, fill(rng, rng.choice(OFF_CLOSE))))
        ctx_idx = set(range(len(pre))) | set(range(len(pre) + len(turns), len(pre) + len(turns) + len(post)))
        turns = (pre + turns + post)[:8]
    region = rng.choices(["putonghua", "shandong", "henan", "northeast", "sichuan", "cantonese_mandarin"],
                         [40, 18, 12, 11, 11, 8])[0]
    if region != "putonghua":
        turns = [(s, a, dialectise(rng, region, t)) for s, a, t in turns]
        tags.append(region)
        tags.append("colloquial")
    note = ""
    if rng.random() < 0.33:
        turns = [(s, a, asr_damage(rng, t)) for s, a, t in turns]
        j = rng.randrange(len(turns))
        turns[j] = (turns[j][0], turns[j][1], asr_slip(rng, turns[j][2]))
        tags.append("asr_errors")
        r = rng.random()
        if r < 0.2 and len(turns) > 1:
            # run-on: consecutive turns of the same speaker fused into one segment, as VAD merges them
            fused: list[tuple[str, bool, str]] = []
            for s, a, t in turns:
                if fused and SPK[fused[-1][0]] == SPK[s]:
                    ps, pa, pt = fused[-1]
                    fused[-1] = (ps, pa or a, pt + " " + t)
                else:
                    fused.append((s, a, t))
            if len(fused) < len(turns):
                tags.append("run_on")
            turns = fused
        elif r < 0.35:
            # a short non-act turn given to the wrong speaker; the act turn keeps its true speaker
            idx = [i for i, (s, a, t) in enumerate(turns) if not a and len(t) <= 6 and i in ctx_idx]
            if idx:
                i = rng.choice(idx)
                s, a, t = turns[i]
                turns[i] = ({"O": "C", "X": "C", "C": "O", "U": "O"}[s], a, t)
                tags.append("wrong_speaker")
                note = "一个简短的非关键话轮被分错了说话人；标签仍按真实说话人（交警）的话判断，文本足以看出。"
    segs = [{"speaker": SPK[s], "text": t} for s, _, t in turns]
    if len(segs) >= 6 or sum(len(x["text"]) for x in segs) > 110:
        tags.append("long")
    return {"segments": segs, "labels": sorted(set(labels), key=LABELS.index), "kind": kind, "tags": tags,
            "note": note, "_act": [i for i, (_, a, _) in enumerate(turns) if a]}


# ----------------------------------------------------------------------------------------------- hand-written
# One exchange per line: labels;kind;tags;turns separated by " | " (O:/C:/X:/U:), optional " # note".
HAND = r"""
// ---- cash_no_receipt
cash_no_receipt;positive;shandong,colloquial;C:俺这是头一回，恁高抬贵手 | O:头一回？那恁看着办吧，兜里有多少 | C:就一百来块 | O:一百就一百，拿来，单子俺不写了
cash_no_receipt;positive;northeast,colloquial;O:老铁，这事儿整大了可是十二分 | C:那咋整啊哥 | O:咋整？五百块，我当没瞅见，你开你的
cash_no_receipt;positive;sichuan,colloquial;O:你这个超载噻，按规矩要扣车 | C:哥老倌帮个忙嘛 | O:帮忙可以，八百块钱，发票就莫要了，你走你的
cash_no_receipt;positive;cantonese_mandarin,colloquial;O:靓仔，罚单开咗就要扣分喔 | C:咁点算啊 | O:你畀三百我啦，我唔写单
cash_no_receipt;positive;asr_errors;O:你这个是压线 要口分的 | C:能不能不口 | O:可以啊 你给我转个二百 我这边就不录了 # 口分=扣分（同音误识）；“转我二百就不录”是索要转账并免记录
cash_no_receipt;positive;curt;O:你看这个数 | C:两百？ | O:嗯，放这儿，人走，单子不写了 # 数额由群众说出，但交警确认并以不开单交换，是索钱
cash_no_receipt;positive;formal;O:按规定要罚款二百元并记三分。不过考虑到你的情况，交一百五给我，这个记录就不进系统了
cash_no_receipt;positive;colloquial;O:你一个开大车的，还差这几个钱？五百，回头也别提这事
cash_no_receipt;positive;curt;O:把烟钱留下 | C:啥烟钱 | O:装傻是吧，二百，留下就走，不留就开单扣分 # “不留就开单扣分”是以合法处罚作为索钱的筹码，主行为是索钱，不另标威胁
cash_no_receipt;positive;asr_errors;O:扫我这个二维马 一百块 不用去银行排队了 票据没有的啊
cash_no_receipt;positive;henan,colloquial;O:恁这电动车没牌，按说得扣 | C:俺就是去菜市场 | O:中，五十块给俺，这事儿就当没发生
cash_no_receipt;positive;tired;O:哎，大热天的，谁都不容易。三百，你给我，我不给你开，省得你跑
cash_no_receipt;positive;;C:警官，我手机没电了，转不了 | O:那现金，有多少给多少，反正票不开你的
cash_no_receipt;positive;;O:你这个要是走程序，罚两千扣十二分，驾照就没了 | C:求你了 | O:走不走程序在我，你准备多少吧 # 没说具体数目，但“走不走程序在我，你准备多少”是以不处理换钱的暗示，按索钱标
cash_no_receipt;positive;colleague;X:那司机咋说 | O:给了三百，让他走了，单子没开 # 交警自述收了钱未开单，属于收钱不开票的行为本身，标 cash
cash_no_receipt;positive;asr_errors;O:发款两百现场交给我就行收句就不给了 你要收句就得去银行
cash_no_receipt;positive;friendly;O:大哥，咱都是明白人，你这车拉得这么满，真弄到队里得好几千。给个一千，兄弟我就放行
cash_no_receipt;positive;;O:我这里有个收款码，不是公家的，你懂吧 | C:懂懂 | O:二百
cash_no_receipt;positive;northeast,colloquial;O:整个红包，八十八，图个吉利，这事就翻篇了
cash_no_receipt;positive;;C:罚多少 | O:单子上两百，你给我一百就不开单子了，你还省一百
cash_no_receipt;positive;sichuan,colloquial;O:你莫慌嘛，这个事好说，拿两百块来喝茶，罚单就不得开了
cash_no_receipt,threat;positive;angry;O:五百，少一分都不行 | C:我没那么多 | O:没有？那你这车今天别想开走，人也跟我回去
cash_no_receipt;positive;asr_errors;O:你威信有吧 加一下 转个三百 这单子我就撕了啊 | C:行
cash_no_receipt;positive;;O:这样，分我不扣你，钱也不用交银行，给我就行，一百
cash_no_receipt;positive;colloquial;O:别磨叽了，掏钱，两张，我就当今天没见过你
cash_no_receipt;positive;asr_errors,run_on;U:停车驾驶证拿出来 我没带 没带罚款二百 给我一百 单子就不开了 # 整段被并成一个未知说话人；“给我一百单子就不开了”只能出自有开单权的交警，保留标签
cash_no_receipt;positive;long;O:停车，靠边 | C:咋了警官 | O:你这大货车超了快一半了 | C:我也是给老板拉的 | O:我不管你给谁拉，超这么多要罚两千 | C:那我一趟才挣几百 | O:那这样，你给我留八百，我就当没称过 | C:八百……行吧
// ---- quota
quota;positive;shandong,colloquial;O:俺也不想难为恁，上头一天给俺压十张，不开够回去挨熊
quota;positive;;O:你知道我这个月多少张了吗，才四十，人家都八十了 | C:那跟我有啥关系 | O:有关系，今天你就是第四十一
quota;positive;northeast,colloquial;O:这月考核整不好又垫底，今儿个见一个罚一个
quota;positive;colleague;X:今天几个了 | O:七个，还差三个才够数 | X:赶紧的，快收队了
quota;positive;tired;O:你以为我愿意站这儿抓你们啊，一礼拜两百张单子压下来，谁受得了
quota;positive;;O:我们大队长说了，谁这个月罚款不到一万，年终评优就别想
quota;positive;asr_errors;O:上面给的指表 一个人一天十五张 你说我能咋办
quota;positive;sichuan,colloquial;O:我们这个月任务还差好多张，你刚好撞到起噻
quota;positive;henan,colloquial;O:恁不知道，俺们队罚单数要在全市排名哩，排后头大队长要挨训
quota;positive;;C:你就不能放我一马 | O:放你？放了你我今天就少一张，晚上点名又是我
quota;positive;cantonese_mandarin,colloquial;O:我哋呢个月要够一百张单先得啦，你唔好怪我
quota;positive;colleague;X:刘队发群里了，本周每组罚款要过三千 | O:又加码了
quota;positive;;O:外地车多罚点，本地的少惹事，完成那个数就行了
quota;positive;friendly;O:兄弟，实话跟你说，今天就差你这一张了，你就当帮我个忙
quota;positive;;O:开单有提成的，一张算一张，这个月我还想拿个先进 # 按张计奖的激励也是以罚单数为目标，按 quota 标
quota;positive;asr_errors;O:月底了嘛冲一冲数据 不然考核过不去
quota;positive;;O:领导说了，罚款额比上月要涨两成 | C:那你们就拿我们老百姓开刀？
quota;positive;shandong,colloquial;O:这个季度俺们中队罚单排全市倒数第一，这几天俺们一人一天至少二十个
quota;positive;colleague;O:你那边开了多少 | X:十一 | O:我才六个，今天回不去了，还得凑
quota,verbal_abuse;positive;angry;O:老子今天还差五张，你个不长眼的就送上门来了
quota;positive;;O:每个月初就给你定好了，多少起违停多少起闯灯，按那个数去抓
quota;positive;long,colleague;X:老孙，吃饭去不 | O:吃啥饭，今天才开了三个 | X:急啥 | O:不急？周五要报数，少了又点名 | X:那你在这守着，我给你带个饼 | O:行，带俩
quota;positive;asr_errors;O:今天的人物还没完成呢 你这张刚好补上 # 人物=任务（同音误识）
// ---- verbal_abuse
verbal_abuse;positive;shandong,colloquial;O:恁这个憨熊，红灯也敢闯，脑子让驴踢了吧
verbal_abuse;positive;northeast,colloquial;O:你个虎犊子，往哪儿拐呢你
verbal_abuse;positive;sichuan,colloquial;O:你个瓜娃子，骑个车东倒西歪的，脑壳有包哦
verbal_abuse;positive;cantonese_mandarin,colloquial;O:你个衰仔，睇唔到红灯啊
verbal_abuse;positive;henan,colloquial;O:恁个鳖孙，搁这儿弄啥嘞，挡着道了
verbal_abuse;positive;asr_errors;O:你这个纯祸 跟你讲了不能停这你就是不听
verbal_abuse;positive;;C:我就是不知道嘛 | O:不知道？你活这么大岁数活到狗身上去了
verbal_abuse;positive;;O:就你这智商还考驾照，花钱买的吧
verbal_abuse;positive;;O:农村来的就是没素质，这么宽的路你往中间骑
verbal_abuse;positive;angry;O:看什么看，一脸贱样
verbal_abuse;positive;;O:你们这些送外卖的都是一帮没脑子的，横冲直撞
verbal_abuse;positive;asr_errors;O:你个沙子 往那边去啊 聋了吗你
verbal_abuse;positive;;C:你说话客气点 | O:跟你客气？你配吗，垃圾
verbal_abuse;positive;;O:哎呦喂，这不是那头猪吗，又是你
verbal_abuse;positive;tired;O:我真是服了你了，笨得跟头驴似的，教三遍都不会挪车
verbal_abuse;positive;shandong,colloquial;O:恁娘咋生了恁这么个玩意儿
verbal_abuse;positive;;O:大妈，您这是老糊涂了吧，斑马线都不认识
verbal_abuse;positive;;O:滚滚滚，看见你就烦，什么东西
verbal_abuse;positive;northeast,colloquial;O:瞅你那损色，开个破夏利还挺能耐
verbal_abuse;positive;;O:你这个人就是个无赖，跟你讲道理就是对牛弹琴
verbal_abuse;positive;asr_errors;O:白吃吧你 红灯停绿灯行不知道
verbal_abuse;positive;;O:你是属螃蟹的吧，横着走，还有脸叫
verbal_abuse;positive;long;O:下来 | C:我又没违章 | O:没违章你跑啥 | C:我没跑 | O:没跑？我在后面喊了三声，你聋啊还是傻啊 | C:我真没听见
// ---- threat
threat;positive;shandong,colloquial;O:恁再跟俺犟，俺叫恁这车三个月提不出来
threat;positive;northeast,colloquial;O:你再跟我嘚瑟，信不信我削你
threat;positive;sichuan,colloquial;O:你再拍嘛，拍完了看你那个手机还在不在
threat;positive;cantonese_mandarin,colloquial;O:你再嘈，我即刻拉你返差馆关几日啊
threat;positive;henan,colloquial;O:恁要是敢去告，以后恁这三轮在俺这片一天都别想跑
threat;positive;asr_errors;O:你信不行我让你驾照直接掉销
threat;positive;;C:我要录下来发抖音 | O:发，你发一个试试，我保证你后悔
threat;positive;;O:你在哪个单位上班？我打个电话给你们领导，看你还干不干得下去
threat;positive;;O:把手机给我关了，不关我给你摔地上
threat;positive;;O:你要是不服，咱俩找个没摄像头的地方说说
threat;positive;angry;O:今天你要能走出这个路口，算我白干
threat;positive;;O:你家那个小饭店在东关街吧，消防检查什么的，我找人去一趟
threat;positive;;O:你这种人我见多了，关你几天就老实了
threat;positive;asr_errors;O:你在动一下 我就把你摁地上
threat;positive;;C:你能把我咋样 | O:能把你咋样？你驾照、你车、你这营运证，哪个我动不了
threat;positive;;O:你给我等着，我下班了去找你
threat;positive;northeast,colloquial;O:再多说一个字，我让你今儿个横着回去
threat;positive;;O:孩子还小吧？为了孩子，你最好别跟我闹
threat;positive;shandong,colloquial;O:恁要再录，俺把恁这手机扔河里去
threat,verbal_abuse;positive;angry;O:你个兔崽子，再跑我把你腿打折
threat;positive;;O:你不怕以后年检通不过你就接着闹
threat;positive;;O:你的违章记录我都能看，想给你加几条就加几条
threat;positive;asr_errors,wrong_speaker;C:我就录怎么了 | C:再录我把你收鸡扣了带回队里 | C:你凭什么 # 第二句被错分给群众，但“带回队里”只能是交警说的，保留 threat
// ---- identification
identification;positive;shandong,colloquial;O:俺是菏泽交警牡丹大队的，今天在这儿执勤，恁先靠边
identification;positive;formal;O:您好，我是淄博市公安局交警支队张店大队民警，这是我的执法证件，警号〇五二七三一
identification;positive;northeast,colloquial;O:哥们，交警，查个车，别紧张
identification;positive;sichuan,colloquial;O:你好嘛，我们是成都交警五分局的，查酒驾，吹一哈
identification;positive;cantonese_mandarin,colloquial;O:你好，我系佛山交警，麻烦你停低车
identification;positive;asr_errors;O:你好 我是交井二大对的 井号幺幺三五零八
identification;positive;henan,colloquial;O:俺是郑州交警一大队哩，恁这电动车得登记
identification;positive;;C:你是真警察吗 | O:你看，证在这儿，我是交警支队秩序科的，姓高
identification;positive;;O:我们是市交警支队夜查组的，正在开展酒驾整治
identification;positive;colleague;O:我是这个岗的值班民警，这位是我们辅警小刘，有事跟我说
identification;positive;;O:这边是高速交警，前方事故，您从匝道下
identification;positive;asr_errors;O:我们是公安交通管理局的 正在值勤 请把车停到右边
identification;positive;friendly;O:老乡，别怕，我是这片的片区交警，上回还给你指过路呢
identification;positive;;C:你叫啥 | O:我姓孙，二中队的民警，编号在我胸口
identification;positive;curt;O:执勤民警，配合检查
identification;positive;formal;O:现在由我，长春市公安局交通警察支队民警，对你进行询问
identification;positive;;O:你好，我是这个学校门口护学岗的交警
identification;positive;asr_errors;O:我事辅警 这是我们明警 他来处理
identification;positive;curt;O:交警，事故处理的，谁是车主
identification,rights_notice;positive;formal;O:您好，我是泰安交警三大队民警，警号二零四一五八。你刚才闯红灯，拟罚款二百元，对此你有陈述和申辩的权利 | C:我没什么说的
identification;positive;curt;O:交通警察，路检，打开双闪靠边
identification;positive;northeast,colloquial;O:我哈尔滨交警道里大队的，你这车咋回事
identification;positive;long;C:哎你干嘛拉我车把 | O:别急，你先停下 | C:你谁啊 | O:我是开发区大队的辅警，旁边车上是我们民警 | C:辅警能管我？ | O:我协助民警，处理由民警来
// ---- rights_notice
rights_notice;positive;shandong,colloquial;O:恁要是觉得俺罚得不对，有啥理由现在就说，这是恁的权利，俺得听
rights_notice;positive;sichuan,colloquial;O:你要是觉得不公平嘛，六十天以内能去申请复议，晓得不
rights_notice;positive;asr_errors;O:你对这个出罚有没有陈数身边 没有的话就签字 # 陈数身边=陈述申辩（同音误识）；虽以问句出现，是在告知并征询
rights_notice;positive;formal;O:根据行政处罚法，在作出决定前告知你拟处罚的事实、理由和依据，你享有陈述、申辩的权利
rights_notice;positive;;C:我不服 | O:不服没关系，你有两条路，复议或者到法院起诉，时间单子上都有
rights_notice;positive;northeast,colloquial;O:你觉着冤就说道说道，陈述申辩是你的权利，我给你记上
rights_notice;positive;henan,colloquial;O:恁有啥说哩现在说，这是恁的权利，说中了俺们就改
rights_notice;positive;cantonese_mandarin,colloquial;O:你有权陈述同申辩嘅，有咩想讲就讲啦
rights_notice;positive;;O:你对这个认定不认可的话，能找上一级机关复议，也能去人民法院
rights_notice;positive;asr_errors;O:你不服的话能申请复意 或者行正诉松
rights_notice;positive;;O:先别急着签，你有什么异议先讲，这是你的权利，我们听完再决定
rights_notice;positive;tired;O:行，你说，你有申辩的权利，我听着呢
rights_notice;positive;;O:这个你有异议，六十日内能复议，或者六个月内起诉，这些都写在决定书第二页
rights_notice;positive;friendly;O:阿姨，您要是觉得哪里不对，跟我说，您说的我都记下来，这是您的权利
rights_notice;positive;formal;O:依据规定告知：你有权进行陈述和申辩，对于你提出的事实、理由，我们将进行复核
rights_notice;positive;;C:那我找谁说理去 | O:你能申请行政复议，复议机关是市公安局，也能直接打官司
rights_notice;positive;asr_errors;O:有什么要陈述的就说 申编也行 我们记录
rights_notice;positive;;O:你要申辩就现在，我们不会因为你申辩就多罚你
rights_notice;positive;shandong,colloquial;O:恁不服能去复议，要不就上法院告俺们，都中
rights_notice,identification;positive;formal;O:我是东莞交警大队民警，现对你的违法行为作出处理前告知，你有陈述、申辩权 | C:好
rights_notice;positive;;O:这单子背面第三条写的是你的权利，复议和诉讼，你回去仔细看看
rights_notice;positive;;C:我能说两句吗 | O:当然能，陈述申辩是法律给你的权利，你说
rights_notice;positive;long,formal;O:你好，你这个是占用公交车道 | C:我就借了一下道 | O:嗯，我们拟对你罚款一百元，记三分 | C:这么重 | O:在作出决定前，你对这个事实和处罚有权陈述、申辩 | C:那我说一下，当时前面有事故
// ---- joking / euphemistic / indirect positives
quota;positive;friendly;O:哈哈，大哥你是我今天的业绩，来都来了，别走了 # 以玩笑口吻说出“业绩”，指罚单数目标，按 quota 标
quota;positive;tired;O:不瞒你说，这个月的“作业”还没交够，你就当给我交作业了 # “作业”是罚单任务的委婉说法
quota;positive;colleague;X:还差几个“业务量” | O:俩，天黑前能搞定
cash_no_receipt;positive;friendly;O:开玩笑啊，你要是请我喝个茶，两百的茶，这单子我就忘了 # 用玩笑和“请喝茶”包装的索钱，仍有金额和免单
cash_no_receipt;positive;;O:你这事好办，表示表示，我这人记性不好，一会儿就忘了你长啥样 # 无具体金额，但“表示表示”加“忘了你”是以钱换放过的委婉说法
cash_no_receipt;positive;colloquial;O:你这情况，可大可小，就看你会不会来事儿了 | C:咋来事儿 | O:还用我教？兜里那几张，掏出来 # 委婉索钱，最后一句明确要现金
verbal_abuse;positive;friendly;O:哈哈，开个玩笑，你这脑子真是让门夹了，头盔都能戴反 # 玩笑口吻仍是贬损对方智力的称呼，按 verbal_abuse 标
verbal_abuse;positive;curt;O:你们这帮外地佬，一个个都不守规矩
threat;positive;;O:跟你说着玩的啊，不过你要是真投诉，后果你自己想 # 以“说着玩”开头，但后半句是以投诉为条件的恐吓
threat;positive;curt;O:我劝你想清楚，你那车手续可经不起细查 # 委婉威胁：以彻查车辆手续相要挟
threat;positive;;O:这地方监控坏了，你知道吧 | C:啥意思 | O:意思就是你最好老实点 # 暗示无监控可以动手，属威胁
identification;positive;;O:我们这身衣服你也认识，交警，你先把车熄火 # 以“这身衣服”和“交警”自陈身份
identification;positive;curt;O:巡逻的，交警中队，停一下
rights_notice;positive;tired;O:这单子你不认也行，自己去上级机关复议，法院也能告，别跟我在这磨 # 语气不耐烦但确实告知了复议和诉讼途径
rights_notice;positive;;O:有冤说冤，你现在说的每一句我都记到笔录里，这是给你申辩的机会
// ---- more hard negatives
;other;friendly;O:哈哈你这个小傻瓜，我说的是我家闺女，刚打电话来 | X:哈哈 # “小傻瓜”指他自己的孩子，不是对群众的辱骂
;other;colleague;O:今天这班太长了，十二个小时，站得我腿都肿了 | X:我比你还多俩小时 # 抱怨工作量，没有罚单目标
;other;;O:我们每天要巡查二十个路口，光走路就两万步 # 工作量是巡查路口数，不是罚单指标
;negation;;O:不是我不放你，是这个真不能放，我也没那个权力 # 拒绝放行，无威胁无索钱
;lawful_notice;;O:你不配合酒精检测，我们要依照规定带你去医院抽血，这不是吓你
;officer_refuses;;C:哥，这是两百，你就当没看见 | O:你这钱拿出来我就得当看见了，收回去
// ---- hard negatives: civilian_says
;civilian_says;shandong,colloquial;C:俺给恁二百，恁别开单子了中不中 | O:不中，该咋罚咋罚
;civilian_says;;C:我给你发个红包吧，就当交个朋友 | O:朋友能交，红包你自己留着，去12123交罚款
;civilian_says;northeast,colloquial;C:你个瘪犊子，拦我干啥 | O:注意你的言行
;civilian_says;sichuan,colloquial;C:你个瓜娃子交警，老子又没违章 | O:莫激动，视频给你看
;civilian_says;;C:你们一天罚多少张有数的吧，我知道 | O:我不知道你听谁说的
;civilian_says;;C:我告诉你，我认识你们支队长，你等着被处分吧 | O:好，你认识谁都行，这单子照开
;civilian_says;;C:我要陈述，我要申辩，我要复议 | O:你先说，我听着 # 交警让他说，但没有告知任何权利，不标 rights_notice
;civilian_says;asr_errors;C:我事交警家属 你们大对长是我舅 | O:那也得罚
;civilian_says;;C:你信不信我把你这破摩托给掀了 | O:你冷静点，这话我记录了
;civilian_says;cantonese_mandarin,colloquial;C:唔该阿sir，畀你两百当饮茶啦 | O:唔得，罚款去银行交
;civilian_says;;C:我是铁骑大队的，下班了，自己人 | O:下班了也是驾驶人，证给我
;civilian_says;henan,colloquial;C:恁这是冲业绩哩吧，一天罚几十个 | O:恁逆行了，跟业绩没关系
;civilian_says;;C:我有权申辩吧？我有权复议吧？ | O:单子先拿着
;civilian_says;asr_errors;C:你个白吃 我又没压线 | O:你看这个视频
// ---- officer_refuses
;officer_refuses;shandong,colloquial;C:俺这有二百 | O:恁揣起来，俺不要恁的钱，去银行交
;officer_refuses;;O:别往我车上放烟，拿走，你这样是害我
;officer_refuses;northeast,colloquial;C:哥，我转你点儿 | O:别整这出，该咋罚咋罚，钱我一分不要
;officer_refuses;;C:你们是不是也有任务 | O:法律就不允许给我们下这个，我罚你是因为你违法了
;officer_refuses;asr_errors;C:我威信赚帐给你吧 | O:不行 罚款只能去银行或者网上交 我不碰钱
;officer_refuses;sichuan,colloquial;C:拿去喝茶嘛 | O:莫来这套，收回去
;officer_refuses;;C:一千块钱，这个酒驾别记了 | O:你再说一遍，我就要把行贿也给你记上了 # 交警拒收并提醒行贿的法律后果，不是威胁
;officer_refuses;henan,colloquial;C:恁看这样中不中，俺给恁买两条烟 | O:不中，俺不收这个，单子拿着
;officer_refuses;;O:别跟我说排名不排名的，我开单就看违法事实，没违法一张也不开
;officer_refuses;;C:你是不是就等着罚款凑数 | O:我站这是疏导交通的，不是来凑数的
;officer_refuses;cantonese_mandarin,colloquial;C:阿sir，小小心意 | O:收返啦，我哋唔收钱嘅，去银行交
;officer_refuses;;C:我扫你个人码行不 | O:没有个人码这回事，用12123交
// ---- negation
;negation;;O:我可没说你笨啊，我说这路设计得笨
;negation;shandong,colloquial;O:俺不扣恁车，恁把头盔戴上就中
;negation;;O:罚款？不罚，今天就是教育为主
;negation;;O:我没有要你钱的意思，你别误会，交银行
;negation;northeast,colloquial;O:没人给我们下指标，那都是瞎传的
;negation;;O:这不是吓唬你，是真怕你出事
;negation;asr_errors;O:不口分不发款 这次就是提醒
;negation;;O:你别紧张，不会抓你，也不会扣你手机，录像随便录
;negation;sichuan,colloquial;O:莫怕嘛，不罚你，下回戴好头盔就是了
;negation;;O:我们现在不搞什么排名考核，你放心
;negation;;O:谁说要砸你手机了，我说的是把手机放下先开车
;negation;henan,colloquial;O:俺又没骂恁，恁别激动
// ---- lawful_notice
;lawful_notice;formal;O:你的车辆载货超过核定载质量百分之三十，依据道路交通安全法第九十二条，罚款五百元，并需卸载后放行
;lawful_notice;;O:现场罚款五十元，这是财政部门统一印制的罚没票据，请收好
;lawful_notice;shandong,colloquial;O:恁这是酒驾，驾照俺们要先扣下，暂扣六个月，这是凭证
;lawful_notice;;O:车要拖到停车场，你带着行驶证和罚款收据来领
;lawful_notice;asr_errors;O:罚款二百 记三分 十五日内到银行缴纳 逾期加罚
;lawful_notice;;O:你要是拒绝签字，我们会在文书上注明拒签，不影响决定生效
;lawful_notice;;O:醉驾是犯罪，要移交办案单位，你现在跟我去抽血
;lawful_notice;northeast,colloquial;O:这车没牌没证，先扣这儿，手续补齐了来领，单子给你
;lawful_notice;;O:前面隧道施工，大车一律绕行，闯进去要出事的
;lawful_notice;;O:别在高速上下车，后面车速一百多，撞上就没命了
;lawful_notice;;O:你这个符合绿色通道，不扣车不扣证也不罚款，拍照撤离就行
;lawful_notice;;O:用交管12123扫这个码缴费，钱进的是国库，电子票据会发你手机上
;lawful_notice;;O:你再拒不接受检查，我们要按阻碍执行职务处理，现在先口头告知你 # 合法的后果告知（有法律依据的措施），非恐吓；有歧义，按 lawful_notice
// ---- question
;question;;C:你哪个大队的 | O:你先把证给我
;question;shandong,colloquial;C:恁们是不是有罚款任务啊 | O:恁违章了，这跟任务没关系
;question;;O:你觉得我是在吓唬你吗？我是在跟你讲规定
;question;;C:我能申辩吗？ | O:你先说说咋回事
;question;;C:这罚款交给谁 | O:单子上有银行
;question;;C:你骂我？ | O:我没有，我是说这车停得太离谱了
;question;northeast,colloquial;C:咋的，还要扣我车啊 | O:你先把驾驶证给我瞅瞅
;question;;O:这车是你的？你有驾照吗？
;question;asr_errors;C:井号多少啊 我要头诉你 | O:你想投诉就投诉
;question;;O:你们单位是哪的？车是公车还是私车？
// ---- reported_speech
;reported_speech;;C:你刚才是不是说给我五百就不开单？ | O:我说的是罚五百，开单，去银行交
;reported_speech;colleague;O:督察说了，谁要是再提什么指标不指标的就处分谁 | X:知道了
;reported_speech;;O:那个司机说我骂他蠢货，记录仪里都有，你能调
;reported_speech;;C:上次有个交警跟我说要砸我手机 | O:哪个？你记得警号吗，我们查
;reported_speech;shandong,colloquial;C:俺听人家说恁们一个人一天得罚十张 | O:谣言，没那回事
;reported_speech;colleague;O:新闻上说有的地方交警收钱不开票，被开除了，咱们可别干这个 | X:那肯定
;reported_speech;colleague;X:他刚才说他是市里的交警，我查了不是 | O:冒充的，叫派出所来
;reported_speech;;C:我看网上说交警罚款有排名 | O:网上啥都有
// ---- other
;other;colleague;O:今天一天处理了十二起剐蹭，嗓子都哑了 | X:我也是，饭都没吃
;other;tired;O:这个月值了二十多个夜班，家里孩子都不认我了
;other;friendly;O:哈哈，大爷您这三轮车装得跟变形金刚似的，慢点骑
;other;friendly;O:你这狗比你还懂规矩，坐得端端正正的
;other;colleague;X:下个月有个执法规范培训，讲怎么告知当事人权利 | O:又要考试啊
;other;;O:我们这儿规定收罚款必须开票，墙上贴着流程图
;other;northeast,colloquial;O:这天儿贼冷，你搁车里待着吧，我弄完就给你
;other;;O:早点回家吧，天黑了路上注意安全
;other;asr_errors,wrong_speaker;O:你这车停这多久了 | U:蠢货 | C:就一会儿 # “蠢货”被识别为未知说话人，无法判断是谁说的（可能是路人或群众），不打标签
;other;asr_errors,wrong_speaker;C:我是三大队的民警警号零七二一 | C:哦哦 # 第一句可能是交警被错分给群众，也可能是群众自称，文本无法区分，不标 identification
;other;asr_errors,wrong_speaker;U:再录把你手机砸了 | O:你先把车挪一下 # 威胁一句说话人未知，群众也可能这样说，不打标签
;other;colleague;O:你那个记录仪充电了没 | X:充了，满格
"""


def parse_hand() -> list[dict]:
    out = []
    for line in HAND.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        note = ""
        if " # " in line:
            line, note = line.split(" # ", 1)
        labels_s, kind, tags_s, body = line.split(";", 3)
        labels = [x for x in labels_s.split(",") if x]
        segs = []
        for t in body.split(" | "):
            sp, text = t.split(":", 1)
            segs.append({"speaker": SPK[sp.strip()], "text": text.strip()})
        tags = ["handwritten"] + [x for x in tags_s.split(",") if x]
        if len(segs) >= 6 or sum(len(x["text"]) for x in segs) > 110:
            tags.append("long")
        out.append({"segments": segs, "labels": labels, "kind": kind or ("positive" if labels else "other"),
                    "tags": tags, "note": note.strip()})
    return out


# ----------------------------------------------------------------------------------------------- main
REGISTERS_FOR = {
    "cash_no_receipt": ["curt", "friendly", "tired", "formal"], "quota": ["tired", "curt", "friendly"],
    "verbal_abuse": ["angry", "curt"], "threat": ["angry", "curt"], "identification": ["formal", "friendly", "curt"],
    "rights_notice": ["formal", "tired", "friendly"],
}
# When ASR gives the act turn to an unknown speaker, the label stays only if the words themselves show an officer
# speaking (e.g. "你有权…复议", "我们…一天十张", "给我…单子不开"); insults and threats can come from anyone.
SELF_EVIDENT = {
    "identification": [r"(我是|我们是|俺是|本人|我系|我事)", r"(执勤|值勤|检查|执行公务|执法|配合|靠边|停车|查车|开展)"],
    "rights_notice": [r"(你|恁|您)", r"(权|复议|复意|诉讼|诉松|起诉|起素|陈述|陈数|申辩|身边|申变)"],
    "quota": [r"(我|俺)", r"(张|单|指标|指表|任务|认务|排名|排明|数|考核|罚款额|发款额|排行)"],
    "cash_no_receipt": [r"(给我|转我|扫我|我这个|我不|我就|我眼睛|我也不|我给你|我撕|我当|我不写)",
                        r"(不开|单|票|不扣|分|上报|不录|系统|放你|没看见|两清|回执|收据|收句)"],
}
COMBOS = {
    "cash_no_receipt": ["threat", "quota", "identification"], "quota": ["cash_no_receipt", "verbal_abuse"],
    "verbal_abuse": ["threat", "quota"], "threat": ["verbal_abuse", "cash_no_receipt"],
    "identification": ["rights_notice", "cash_no_receipt", "threat"], "rights_notice": ["identification"],
}


def positive(rng: random.Random, label: str) -> dict:
    frame = parse_frame(rng.choice(POS[label]))
    labels = [label]
    # sometimes a second act in the same exchange (only pairs that occur together on the street)
    if rng.random() < 0.18:
        other = rng.choice(COMBOS[label])
        extra = parse_frame(rng.choice([f for f in POS[other] if isinstance(f, str)]))
        frame = extra + frame if other == "identification" or label == "rights_notice" else frame + extra
        labels.append(other)
    ex = build(rng, frame, labels, "positive", rng.choice(REGISTERS_FOR[label]))
    # ASR may hand the act turn to an unknown speaker: keep the label only if the words show it is the officer
    if ("asr_errors" in ex["tags"] and "wrong_speaker" not in ex["tags"] and rng.random() < 0.15
            and len(labels) == 1 and ex["_act"]):
        i = ex["_act"][-1]
        seg = ex["segments"][i]
        if seg["speaker"] == "officer":
            seg["speaker"] = "unknown"
            ex["tags"].append("wrong_speaker")
            rules = SELF_EVIDENT.get(label)
            if rules and all(re.search(r, seg["text"]) for r in rules):
                ex["note"] = ("关键话轮被识别成未知说话人；但这句话的内容（自报执勤身份/告知权利/自己的开单任务/"
                              "要钱换不开单）只能出自交警之口，故保留标签。")
            else:
                ex["labels"] = []
                ex["kind"] = "other"
                ex["note"] = ("关键话轮被识别成未知说话人，仅凭文本无法确定是交警说的（群众也可能说出这句话），"
                              "按规则不打标签。")
    return ex


def negative(rng: random.Random, kind: str) -> dict:
    frame = parse_frame(rng.choice(NEG[kind]))
    frame = [(s, False, t) for s, _, t in frame]
    reg = rng.choice(["formal", "curt", "tired", "friendly"])
    return build(rng, frame, [], kind, reg)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--out", default="/work/staging/dev4.jsonl")
    ap.add_argument("--per-label", type=int, default=105)
    ap.add_argument("--neg", type=int, default=880)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows: list[dict] = []
    for label in LABELS:
        for _ in range(args.per_label):
            rows.append(positive(rng, label))
    neg_kinds = list(NEG)
    weights = [14, 14, 16, 18, 12, 12, 10]
    for _ in range(args.neg):
        rows.append(negative(rng, rng.choices(neg_kinds, weights)[0]))
    rows.extend(parse_hand())
    rng.shuffle(rows)
    seen_text: set[str] = set()
    final = []
    for r in rows:
        key = json.dumps(r["segments"], ensure_ascii=False)
        if key in seen_text:
            continue
        seen_text.add(key)
        final.append(r)
    for i, r in enumerate(final, 1):
        r["id"] = f"D4-{i:04d}"
    # validation
    ids = set()
    for r in final:
        assert r["id"] not in ids
        ids.add(r["id"])
        assert set(r["labels"]) <= set(LABELS), r
        assert r["kind"] in KINDS, r
        assert (r["kind"] == "positive") == bool(r["labels"]), r
        assert r["segments"] and all(s["speaker"] in ("officer", "civilian", "unknown") and s["text"]
                                     for s in r["segments"]), r
        assert len(r["segments"]) <= 8, r
        blob = "".join(s["text"] for s in r["segments"])
        for f in FORBIDDEN:
            assert f not in blob, (f, r)
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in final:
            fh.write(json.dumps({"id": r["id"], "segments": r["segments"], "labels": r["labels"],
                                 "kind": r["kind"], "tags": r["tags"], "note": r["note"]}, ensure_ascii=False) + "\n")
    with open(args.out, encoding="utf-8") as fh:
        for line in fh:
            json.loads(line)
    print(f"wrote {len(final)} exchanges to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
