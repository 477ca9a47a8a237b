#!/usr/bin/env python3
"""Held-out speech corpus heldout10 (independent author). stdlib only, deterministic."""
import json, random, sys, re

R = random.Random(20261210)
def ch(x): return R.choice(x)

BANNED = ["请出示驾驶证", "可以陈述申辩", "我们不收现金", "也可以申请复议", "依法扣留车辆",
          "说了多少遍了", "这是处罚决定书", "今天不凑够罚款数回不去", "我们没有罚款指标", "不能私下给钱"]

SPK = {"O": "officer", "C": "civilian", "U": "unknown"}

# ---------------- regions ----------------
REG = {
 "shandong": dict(addr=["老乡","大哥","恁"], pre=["俺跟恁说，","咋弄的，","弄啥嘞，","恁听着，"], suf=["，中不中？","，恁听明白没？","。",""],
                  ins=["憨熊","半吊子","熊玩意儿","愣种"], civ=["俺咋了嘛？","中，中，俺听恁的。","俺是真不知道啊。","恁别这样，俺赶集呢。"]),
 "tianjin": dict(addr=["哥们儿","姐姐","爷们儿","您"], pre=["嘛呢，","介嘛意思，","我跟您说，"], suf=["，明白吗您？","，得嘞。","。",""],
                  ins=["傻帽儿","倒霉孩子","二百五","嘛也不是"], civ=["介不至于吧？","得嘞得嘞，我认。","哎呦我嘛也没干啊。"]),
 "hebei": dict(addr=["老乡","哥们儿","师傅"], pre=["我说，","你看啊，","嗯，"], suf=["，知道不？","。",""],
                  ins=["二虎","傻狍子","缺心眼儿"], civ=["俺们就是拉点料。","这不马上到了嘛。","咋了这是？"]),
 "gansu": dict(addr=["老哥","乡党","尕娃"], pre=["你看，","哎，","我给你说，"], suf=["，知道了没？","。","，么。"],
                  ins=["瓜怂","二杆子","瓜娃"], civ=["我就是拉几只羊么。","哎呀，我不知道么。","路上没人管么。"]),
 "yunnan": dict(addr=["老表","小伙子","大姐"], pre=["哎，","你听我讲，","整哪样，"], suf=["嘛。","，晓得不？","，莫乱整。",""],
                  ins=["憨包","憨杂","苕货"], civ=["采茶忙得很嘛。","我晓得了嘛。","哪个晓得这边不能走嘛。"]),
 "guangxi": dict(addr=["靓仔","老友","阿妹"], pre=["哎，","我讲给你听，","喂，"], suf=["啦。","，知道没？","咯。",""],
                  ins=["扑街","傻仔","憨仔"], civ=["我赶着送货啦。","知道了知道了。","我又没做什么。"]),
 "fujian": dict(addr=["阿叔","朋友","老板"], pre=["你这个，","我跟你讲哦，","那个，"], suf=["哦。","，好不好？","，知道伐。",""],
                  ins=["猪脑","憨仔","头壳坏掉的"], civ=["阿sir我赶船期啦。","没有啦，我马上走。","这个我不懂啦。"]),
 "anhui": dict(addr=["师傅","老哥","小伙子"], pre=["我跟你讲，","你说你，","哎，"], suf=["，晓得吧？","。",""],
                  ins=["呆瓜","苕货","孬种"], civ=["我晓得我晓得。","我接小孩嘞。","你不能这样啊。"]),
 "dongbei": dict(addr=["老铁","大兄弟","老妹儿"], pre=["整啥呢，","我跟你说啊，","哎我去，"], suf=["，听明白没？","，知道不？","。",""],
                  ins=["虎玩意儿","瘪犊子","彪子","傻狍子"], civ=["咋地了大哥？","哎呀妈呀，我不知道啊。","整这出干啥呀。"]),
 "shanghai": dict(addr=["阿哥","爷叔","侬"], pre=["侬听好，","搿个，","老实讲，"], suf=["，晓得伐？","，好伐？","。",""],
                  ins=["戆大","小赤佬","十三点","瘪三"], civ=["阿拉晓得了。","师傅帮帮忙。","搿个不关我事体呀。"]),
 "chongqing": dict(addr=["兄弟伙","老辈子","幺妹"], pre=["你娃，","我给你说嘛，","莫扯了，"], suf=["噻。","，晓得不？","哈。",""],
                  ins=["瓜娃子","龟儿子","哈儿","宝器"], civ=["搞啥子嘛？","要得要得。","我哪晓得嘛。"]),
}
NEUTRAL = dict(addr=["师傅","同志","小伙子","大姐","先生"], pre=["","哎，","那个，"], suf=["。",""], ins=["蠢货","白痴","废物","脑残"],
               civ=["好的好的。","我知道了。","怎么了？","我没干啥啊。"])
REGIONS = list(REG)
REGISTERS = ["formal","curt","joking","tired","angry","sarcastic","pleading"]
RPRE = {"formal":["您好，","同志，","请配合一下，"],"curt":[""],"joking":["哈哈，","说真的啊，","开玩笑归开玩笑，"],
        "tired":["唉，","哎呀我站一天了，","行吧，"],"angry":["你给我听好了！","喂！",""],"sarcastic":["哟，","真行啊，","厉害了，"],"pleading":["哎，"]}
CADDR = ["警官","警察同志","领导","大哥","师傅","阿sir","俺哥","老弟"]
CPLEAD = ["求求你了，我第一次。","警官行行好吧。","家里老人还等着呢，通融一下吧。","我真的知道错了。"]

SCENES = [
 ("border_market","集上","你这三轮拉了七八个人","三轮"),
 ("tunnel_repair","隧道口","隧道封闭维修你还往里开","车"),
 ("kindergarten","幼儿园门口","接孩子你把车横在门口","车"),
 ("wedding_convoy","婚车队","婚车队一路压实线","婚车"),
 ("gravel_yard","砂石场","砂石车没盖篷布还超载","砂石车"),
 ("temple_fair","庙会香道","香客的路你把车堵死了","车"),
 ("muck_truck","工地口","凌晨两点渣土车闯禁行","渣土车"),
 ("marathon","马拉松封路段","比赛封路你还往里钻","车"),
 ("used_car","二手车市场","没牌照的车开上主路试驾","车"),
 ("school_bus","校车检查点","校车冬天超员还没装防滑链","校车"),
 ("tea_road","茶山路","茶叶筐摞得比车还高","三轮"),
 ("port_lane","港区","货柜车走错了集装箱通道","货柜车"),
 ("battery_swap","换电站","电瓶车改装了大电池还逆行","电瓶车"),
 ("ferry","渡口","上船你插队还不熄火","车"),
 ("wedding_banquet","村口","吃完喜酒喝了酒还开车","车"),
]

AMT = ["五十","一百","两百","二百","三百","五百","八百","一千","两千","一百五","六十六","八十八"]
LEADER = ["大队长","中队长","所长","上头","局里","领导","支队","我们头儿"]

def rp(reg): return REG.get(reg, NEUTRAL)

def shandongize(t):
    if R.random() < 0.6:
        t = t.replace("我们","俺们").replace("我","俺").replace("你们","恁们").replace("你","恁").replace("什么","啥").replace("怎么","咋")
    return t

# ---------------- positive act generators ----------------
def act_cash(reg):
    a = ch(AMT)
    where = ch(["放我这儿","塞我兜里","微信转我","扫我这个码","发我个红包","支付宝转给我","夹在本子里递过来","搁烟盒里给我","现金给我"])
    waive = ch(["单子就不开了","分就不扣了","这事就算过去了","我就当没看见","票就免了","不往系统里录了","罚单我撕了","不给你记分","这回就放你走","不登记了"])
    t = ch([
      f"{a}块{where}，{waive}。",
      f"这样吧，{where}，{a}，{waive}。",
      f"罚款走程序是{ch(['二百','五百','一千'])}还扣分，{where}{a}就{waive}，你自己挑。",
      f"请兄弟们喝个茶，茶钱{a}，{where}，{waive}。",
      f"懂规矩吧？{a}，{where}，{waive}。",
      f"你看着办吧，烟钱{a}，{waive}。",
      f"我这儿有个码，扫{a}过来，比去银行交省事，{waive}。",
      f"不想扣分也行，{a}块钱的事，{where}。",
      f"私了吧，{a}，{where}，{waive}。",
      f"给个面子，也给我个面子，{a}，{waive}。",
      f"红包包{a}，图个吉利，{waive}。",
      f"你们老板每个月给我{ch(['一千','两千','三千'])}，你们的车在这段{ch(['随便跑','没人查','我不拦'])}。",
    ])
    return t

def act_quota(reg):
    n = ch(["五","八","十","十二","十五","二十","三十","五十"]); k = ch(["二","三","倒数第一","倒数第二","最后"])
    t = ch([
      f"这个月还差{n}张，你别怪我。",
      f"{ch(LEADER)}要数，今天每人至少{n}起，我也没办法。",
      f"上头定的，一天{n}张票，少一张扣绩效。",
      f"本月罚款任务{ch(['三万','五万','八万'])}，还差{ch(['一万','两万','小一万'])}呢，你这张先开了。",
      f"我们中队排名{k}，{ch(LEADER)}说再垫底就全员周末加班，所以今天一个都不放。",
      f"这个月就剩{ch(['三','五','七'])}天了，票还差一大截，你就是今天的第{n}个。",
      f"全大队比谁开的单子多，我不能落后，你这个必须开。",
      f"{ch(LEADER)}盯着数呢，一个礼拜{n}个，完不成要写检查。",
      f"今天的量还没够，你正好给我凑一个。",
      f"考核表上写着每月{ch(['六十','八十','一百'])}起以上，我这才刚过一半。",
      f"我们这个岗是有硬指标的，一天{n}个，你说我罚不罚你？",
      f"别人一天开{n}张，我才开两张，{ch(LEADER)}都点我名了，对不住了。",
    ])
    return t

def act_abuse(reg):
    ins = ch(rp(reg)["ins"] + ["猪脑子","蠢驴","二百五","十三点","狗东西","废物","傻X","笨蛋"])
    t = ch([
      f"你个{ins}，眼睛长哪儿去了？",
      f"{ins}！会不会开车？",
      f"瞧你那{ins}样儿，还好意思跟我顶？",
      f"你这种人就是{ins}，跟{ch(['猪','驴','猴子','苍蝇','王八','狗'])}一样听不懂人话。",
      f"大聪明，你可真是个天才，{ch(['红灯','禁行牌','封路牌','实线'])}都能当没看见。",
      f"哟，大老板，开个破{ch(['三轮','电驴','货车','车'])}还当自己是皇上呢，{ins}。",
      f"你脑子是不是让{ch(['驴','门','狗'])}{ch(['踢','夹','啃'])}了？",
      f"滚一边去，{ins}。",
      f"{ch(['驴','猪','猴子'])}都比你懂规矩，{ins}。",
      f"你这个{ins}，活该被罚。",
      f"真是人才啊，{ch(['二百五','十三点','二五仔'])}都不够形容你的。",
    ])
    return t

HARM = ["你这车就别想要了","你这本子我给你作废了","你那手机我给你摔了","明天你就别想上班了","我打电话到你单位让你卷铺盖走人",
        "你一家老小都得跟着受罪","你孩子以后政审别想过","你以后在这条路上别想混","我让你在这儿站一宿","你这车以后天天查，查到你卖车为止",
        "你的营运证这辈子别想办下来","我让人把你车胎扎了","你这档案里给你记一笔，以后找工作难了","你那个摊子明天就别想摆了"]
def act_threat(reg):
    h = ch(HARM)
    t = ch([
      f"你要再{ch(['顶嘴','录','嚷嚷','跟我横','往前开','不配合','多说一句'])}，{h}。",
      f"把手机放下！不然{h}。",
      f"我把话放这儿，{h}，你信不信？",
      f"路上车多，你这车哪天出点什么事，可不好说啊。",
      f"你家就住{ch(['街口','村东头','前面那个小区'])}吧？我晓得的，你自己掂量。",
      f"听说你儿子{ch(['要考公','在县一中念书','刚进厂'])}？闹大了对他可没好处。",
      f"跟我较劲是吧？行，{h}。",
      f"再让我看见你一次，{h}。",
      f"你信不信我一句话，{h}？",
      f"不签也行，出了这个门，{h}。",
      f"给我跪下认错，要不{h}。",
    ])
    return t

UNITS = ["县公安局交警大队","市交警支队三大队","高速交警二大队","交警大队城区中队","交巡警支队","交警支队港区大队",
         "交警大队事故中队","交警大队秩序中队","城关交警中队","交警支队高速公路一大队","交警大队乡镇交通管理中队"]
def num(): return "".join(ch("0123456789") for _ in range(6))
CNUM = "零一二三四五六七八九"
def cnum(): return "".join(ch(CNUM) for _ in range(6))
def act_id(reg):
    u = ch(UNITS); s = ch(["王","李","张","刘","陈","杨","赵","黄","周","吴","孔","马"])
    t = ch([
      f"我是{u}的民警，警号{num()}。",
      f"交警，{u}的，停一下。",
      f"我是{u}辅警，配合民警执勤，你先靠边。",
      f"看清楚，这是我的警号{cnum()}，我是{u}的{s}警官。",
      f"我姓{s}，{u}{ch(['中队长','民警','副中队长','带班的'])}，有事冲我来。",
      f"你好，{u}执勤民警，这是我的执法证。",
      f"我是这片的交警，姓{s}，警号在我胸前，你可以记。",
      f"{u}的，我们正在执行{ch(['夜查','酒驾检查','封路管制','校车检查'])}，我是带队民警。",
      f"我这是辅警证，{u}的，跟我们民警一块儿查车。",
      f"我是交警，{u}，警号尾数{ch(['三七','零八','六一','九九'])}。",
    ])
    return t

def act_rights(reg):
    t = ch([
      "对这个处罚，你有权陈述和申辩，有什么想说的现在讲。",
      "你有陈述、申辩的权利，我们会听取并记录。",
      "对决定不服的，你可以在六十日内申请行政复议，或者在六个月内提起行政诉讼。",
      "不服的话，你可以去上一级复议，也可以去法院起诉，这是你的权利。",
      "有啥理由你说，申辩是你的权利，说得对我们就改。",
      "你要是觉得不对，可以提出申辩，也可以事后复议。",
      "告诉你一下，你享有陈述权、申辩权，不服可以复议或者诉讼。",
      "你想告我们也行，行政诉讼，法院那边你自己去，这是你的权利。",
      "先别签，你有什么意见先讲出来，这个叫陈述申辩，我们必须听。",
      "复议或者诉讼你都可以选，期限在告知书背面写着。",
      "你有申辩的权利，讲吧，我记着。",
    ])
    return t

ACT = {"cash_no_receipt":act_cash,"quota":act_quota,"verbal_abuse":act_abuse,"threat":act_threat,"identification":act_id,"rights_notice":act_rights}

def one_breath(labels, reg):
    s = set(labels)
    if s == {"cash_no_receipt","threat"}:
        return f"不给{ch(AMT)}，{ch(HARM)}；给了，单子就不开了。"
    if s == {"cash_no_receipt","quota"}:
        return f"我这个月单子差{ch(['五','十','二十'])}张，你要么签了给我凑数，要么{ch(AMT)}块微信转我，不开票。"
    if s == {"quota","threat"}:
        return f"我今天还差{ch(['三','五','八'])}张，你再犟，{ch(HARM)}。"
    if s == {"verbal_abuse","threat"}:
        return f"你个{ch(rp(reg)['ins'])}，再录一下，{ch(HARM)}！"
    if s == {"identification","rights_notice"}:
        return f"我是{ch(UNITS)}民警，警号{num()}，对处罚你有陈述和申辩的权利。"
    if s == {"identification","threat"}:
        return f"我是{ch(UNITS)}的，你敢不配合，{ch(HARM)}。"
    return None

def civ_line(reg, register):
    if register == "pleading" and R.random() < 0.7: return ch(CPLEAD)
    return ch(rp(reg)["civ"] + ["啊？","我……","你说什么？","凭什么？","等一下等一下。"])

def flavor(text, reg, register, speaker="O"):
    p = rp(reg)
    if R.random() < 0.5: text = ch(RPRE[register]) + text
    if R.random() < 0.35: text = ch(p["pre"]) + text
    if R.random() < 0.3 and text.endswith("。"):
        text = text[:-1] + ch(p["suf"])
        if not text.endswith(("。","？","！")): text += "。"
    if reg == "shandong": text = shandongize(text)
    return text

FILL_O = ["靠边，靠边停。","车熄火。","驾照、行驶证拿来我看看。","把车窗摇下来。","嗯。","等一下，我看下系统。","你这个{v}谁的？","好，先别动。","哎，慢点慢点。"]
FILL_C = ["咋了？","我没违章啊。","我赶时间。","好好好。","嗯嗯。","你等我找一下。","我就这几步路。","你听我说……"]

def opener(scene, reg, register):
    tag, place, viol, v = scene
    t = flavor(f"{ch(rp(reg)['addr'])}，{viol}，知道吧？", reg, register).replace("同志，同志，", "同志，")
    return [("O", t), ("C", civ_line(reg, register))]

def build_positive(labels, reg, register, scene, long_, unk, breath):
    acts = []
    ob = one_breath(labels, reg) if breath else None
    if ob: acts = [flavor(ob, reg, register)]
    else: acts = [flavor(ACT[l](reg), reg, register) for l in labels]
    pre, core, post = [], [], []
    if long_:
        pre += opener(scene, reg, register)
        for _ in range(R.randint(0, 3)):
            pre.append(("O", ch(FILL_O).format(v=scene[3]))); pre.append(("C", ch(FILL_C)))
    elif R.random() < 0.5:
        pre.append(("C", civ_line(reg, register)))
    split = False
    for i, a in enumerate(acts):
        cuts = [k for k, c in enumerate(a) if c == "，" and len(a) // 3 <= k <= len(a) - 6]
        if long_ and cuts and R.random() < 0.3:
            k = ch(cuts); core.append(("O", a[:k+1] + "……")); core.append(("C", ch(["啊？","你说啥？","什么意思？","等等——"]))); core.append(("O", a[k+1:])); split = True
        else:
            core.append(("O", a))
        if i < len(acts)-1 and R.random() < 0.5: core.append(("C", civ_line(reg, register)))
    if long_ or R.random() < 0.4: post.append(("C", civ_line(reg, register)))
    if long_ and R.random() < 0.5: post.append(("O", ch(["就这样。","你自己想清楚。","快点。","行了。"])))
    while len(pre) + len(core) + len(post) > 9 and len(pre) > 2: pre = pre[:-2]
    while len(pre) + len(core) + len(post) > 9 and post: post = post[:-1]
    while len(pre) + len(core) + len(post) > 9 and pre: pre = pre[1:]
    segs = pre + core + post
    if unk:
        idx = [i for i, s in enumerate(segs) if s[0] == "O" and s[1] in "".join(acts) or (s[0]=="O" and any(s[1] in a or a in s[1] for a in acts))]
        if idx:
            j = ch(idx); segs[j] = ("U", segs[j][1])
    tags = [scene[0], register] + ([reg] if reg else [])
    if long_: tags.append("long")
    if split: tags.append("split_act")
    if ob: tags.append("one_breath")
    if unk and any(s[0]=="U" for s in segs): tags.append("unknown_speaker")
    return segs, tags

# ---------------- hard negative generators ----------------
def neg_civilian_says(reg, register):
    a = ch(AMT)
    opts = [
     ([("C", f"{ch(CADDR)}，{a}块你拿着，别开单了。"), ("O", ch(["把钱收回去，证件拿来。","你这是干啥，揣好。","按规定处理，钱你自己留着。"]))], "群众主动提出给钱，民警没有索要也没有免单"),
     ([("C", f"我微信转你{a}，这事算了行不？"), ("O", ch(["别转，该怎么罚就怎么罚。","先把车挪到边上。"]))], "转账是群众提出的，民警没有接受"),
     ([("C", f"你们这个月任务还差多少？差{ch(['几','十来'])}张我给你凑一个。"), ("O", ch(["少扯，把头盔戴上。","你别操心这个，系好安全带。"]))], "说指标的是群众，民警没有谈数量"),
     ([("C", f"你个{ch(rp(reg)['ins'])}，{ch(['拦我干啥','有病吧','吃饱撑的'])}！"), ("O", ch(["请你注意言辞。","全程录像，你说话注意点。","先冷静一下。"]))], "辱骂出自群众，民警没有辱骂"),
     ([("C", f"你再拦我，我{ch(['找人收拾你','让你脱了这身衣服','去网上曝光你'])}！"), ("O", ch(["你的话我们都录下了。","你可以去投诉，投诉电话在这儿。"]))], "威胁出自群众，不是民警的行为"),
     ([("C", "我知道我有陈述和申辩的权利，还能复议，你别想糊弄我。"), ("O", ch(["好，你说，我听着。","没人糊弄你，讲吧。"]))], "群众自己讲权利，民警没有告知"),
     ([("C", f"我表哥是{ch(UNITS)}的，我也算半个交警。"), ("O", ch(["那也按规定办。","谁的亲戚都一样。"]))], "群众说单位，不是民警自我表明身份"),
     ([("C", "要不我发个红包给你，就当交个朋友。"), ("O", ch(["不必了，先登记。","你车往右边靠。"]))], "红包是群众提出的，民警未接受"),
     ([("C", f"你们是不是排名的？谁罚得多谁{ch(['发奖金','升官'])}？"), ("O", ch(["你违章了才拦你。","别瞎猜。"]))], "排名说法出自群众"),
     ([("C", "我是个猪脑子，真没看见那个牌子。"), ("O", "下回看清楚再走。")], "群众自嘲，民警无辱骂"),
     ([("C", f"你是不是想要{ch(['红包','烟钱','茶水钱','好处'])}？直说嘛。"), ("O", ch(["我什么都不要，你把车停好。","你想多了，证件给我。"]))], "群众猜测索要，民警没有索要"),
     ([("C", f"上回你们那个{ch(['胖警察','辅警','戴眼镜的'])}说他们一天得开{ch(['十','二十','三十'])}张。"), ("O", ch(["谁说的你去投诉，我这儿没这回事。","那你去问他。"]))], "群众转述指标说法，民警未承认"),
     ([("C", f"你再这样我把视频发网上，让你{ch(['出名','丢工作','吃不了兜着走'])}。"), ("O", ch(["可以发，我们这边也有录像。","你发你的，先把车挪开。"]))], "威胁话语出自群众"),
     ([("C", f"{ch(['老赵','老孙','老周'])}，咱俩谁跟谁，我拿{a}请你喝酒，这回就算了。"), ("O", ch(["熟人也不行，该记的分照记。","喝酒免谈，按规矩来。"]))], "熟识的出租车司机提出给钱，民警拒绝"),
     ([("C", "根据刑法第二百条，交警不能拦私家车！我录着呢！"), ("O", ch(["你录吧，我们依据的是道路交通安全法。","你引的条文不对，我们按规定检查。"]))], "群众错误引法，民警无标签行为"),
    ]
    return ch(opts)

def neg_officer_refuses(reg, register):
    a = ch(AMT); offer = ch([f"{a}块现金",f"包个{a}的红包",f"微信转{a}",f"扫码转{a}","拿两条烟","搬一箱茶叶","发个红包"])
    ref = ch(["不收，收回去。","这个不能要，你赶紧拿走。","我不要，罚款走正规渠道，交完有电子票据。","不收，你再这样就是行贿。",
              "你这是害我，拿回去。","别来这套，该扣的分一分不少。","心意领了，东西不收，单子照开。","没有私了这一说，按程序来。"])
    opts = [
     ([("C", f"{ch(CADDR)}，我给你{offer}，别处理了。"), ("O", ref)], "民警拒绝群众提供的财物，不是索要"),
     ([("C", f"我给你{offer}，行个方便？"), ("O", ref), ("C", "真不要？"), ("O", "真不要。")], "民警明确拒收，不是收钱免单"),
     ([("C", "你们是不是有罚款任务啊？"), ("O", ch(["没有什么任务，违章就罚，不违章不罚。","哪来的任务，别听人瞎说。","我们不看数量，看的是安全。"]))], "民警否认存在指标"),
     ([("C", "你们一个月得罚够多少张？"), ("O", ch(["没有够多少张的说法。","这个没有硬性数量，你别多想。"]))], "民警否认数量要求"),
     ([("C", f"要不我直接现金给你，你开个收据？"), ("O", ch(["现场不收现金，你拿这个单子去银行或者App上交。","钱不经我手，扫单子上的财政码交，系统出电子票据。"]))], "民警拒绝现场收现金，指引合法缴费"),
     ([("C", "晚上请您吃个饭，以后车队多关照。"), ("O", ch(["饭不吃，关照不了，守规矩就没人找你。","不用，车合规就行。"]))], "商人示好，民警拒绝"),
    ]
    return ch(opts)

def neg_negation(reg, register):
    a = ch(AMT); v = ch(["车","三轮","电瓶车","货车","手机"])
    opts = [
     (f"我不会扣你{v}，你{ch(['录你的','放心','别紧张'])}。", "否定句：明确不扣押，不是威胁"),
     ("车不扣你的，叫个没喝酒的来开走。", "否定句：不扣车，并给出合法处理办法"),
     (f"我不罚你钱，{ch(['今天就是提醒','下回注意','头盔戴上就行'])}。", "否定句：不罚款，没有索要或威胁"),
     ("这个不会通知你单位，也不影响你工作，就是记个分。", "否定句：不牵连工作，不是威胁"),
     (f"没人要找你{ch(['家里人','老婆','孩子学校','爹妈'])}，你别怕。", "否定句：不牵连家属，不是威胁"),
     (f"我没骂你，我说的是这{ch(['破信号灯','破路','破对讲机','鬼天气'])}。", "否定句：否认骂人，对象是物"),
     (f"不收你一分钱，{ch(['头盔戴上','篷布盖好','安全带系上','茶叶筐绑紧'])}就行。", "否定句：不收钱"),
     (f"我们{ch(['没有什么任务','不看数量','不比谁开得多','没有排名'])}，你放心。", "否定句：否认指标"),
     ("不是要红包，是说婚车别停路口。", "否定句：“红包”不是索要"),
     ("你这个够不上吊销，别慌。", "否定句：安抚当事人，不是威胁"),
     (f"不用给钱，{ch(['你走吧','把车挪开就行','我不要'])}。", "否定句：拒绝给钱，没有索要"),
     (f"我没说要拖你{v}，是让你往前挪{ch(['十米','一点','到白线里'])}。", "否定句：否认要拖车，不是威胁"),
     (f"{a}？我一分都不要，你想多了。", "否定句：拒绝金钱"),
     ("我没说你傻，我说这个导航傻，把你带进封闭的隧道了。", "否定句：否认辱骂，骂的是导航"),
     ("我不是非要罚你，也没人逼我罚，是你这个确实超了。", "否定句：否认有指标压力"),
     ("你的账号我管不着，也不会去找你们平台。", "否定句：不牵连工作，不是威胁"),
    ]
    t, n = ch(opts)
    segs = [("O", t)]
    if R.random() < 0.5: segs = [("C", ch(["你是不是要扣我车？","你要罚我多少？","你刚才是不是骂我？","我是不是得给钱？","会不会通知我单位？"]))] + segs
    return segs, n

def neg_lawful(reg, register):
    opts = [
     ("你这车无牌无证，按规定暂扣，手续补齐了凭凭证来领。", "依法暂扣并说明领回程序，属合法告知"),
     ("这里禁止停车，五分钟内不挪，我们通知拖车，拖到停车场你带证件去取。", "告知拖移措施，属合法告知"),
     ("酒精检测超标，要抽血复核，驾驶证暂扣，这个是法律规定的。", "告知酒驾处理措施，不是威胁"),
     ("这次记三分，罚二百，周期内记满十二分要重新学习考试。", "告知记分后果，属合法告知"),
     ("你这个是醉驾，要追究刑事责任，驾照吊销，五年内不能重考。", "依法告知醉驾后果，不是威胁"),
     ("超员超过两成，要处罚驾驶人，多出来的乘客我们安排转运。", "告知超员处理，属合法告知"),
     ("排气改装了，责令恢复原状，车辆先暂扣，恢复后检验合格再放。", "告知改装车处理，属合法告知"),
     ("你拒绝签字，我们注明拒签，决定照样生效。", "告知拒签后果，属合法告知"),
     ("你要是现在开走，就是逃逸，后果比罚款严重得多，你想清楚。", "语气严厉但告知的是法定后果，不是威胁"),
     ("再往前开就是冲卡，冲卡是要依法追究的！", "语气强硬，但告知的是法律后果"),
     ("罚款在交管App上交，交完生成电子票据，你截图留着。", "告知合法电子缴费，有票据"),
     ("货柜超限，卸载到标准内才能放行，卸载费用你们自己出。", "告知超限处理，属合法告知"),
     ("校车缺安全锤，今天不能发车，配齐复检合格再走。", "告知校车整改，属合法告知"),
     ("隧道施工全封闭，强行通过按违反交通管制处理。", "告知交通管制，属合法告知"),
    ]
    t, n = ch(opts)
    segs = [("O", flavor(t, reg, register))]
    if R.random() < 0.5: segs = [("C", ch(["那我咋办？","凭什么？","你要干嘛？","这么严重？"]))] + segs
    if R.random() < 0.4: segs.append(("C", civ_line(reg, register)))
    return segs, n

def neg_question(reg, register):
    opts = [
     ("车上一共几个人？","问句：只问乘客数，不是指标"),
     ("你罚款是App交还是去银行交？","问句：问合法缴费方式，不是索要"),
     ("你刚才说有人跟你要钱？哪个人？什么时候？","问句：询问举报线索，民警本人未索要"),
     ("你是想给我钱？你觉得我像收钱的人吗？收起来。","反问并拒绝，不是索要"),
     ("你知道这里今天封路吗？","问句：询问是否知道管制"),
     ("要不要给你家里打个电话来接你？","问句：出于关心联系家属，不是威胁"),
     ("箱子一共几个？十二个还是十四个？","问句：数货物，不是指标"),
     ("你有没有夜间通行证？","问句：查验证件"),
     ("你刚才那句话是骂我吗？","问句：询问是否被骂，民警未辱骂"),
     ("你还有什么要补充的吗？","问句：确认是否补充，未告知权利"),
     ("你要不要票据？缴完款系统自动发到你手机。","问句：说明合法电子票据"),
     ("你听谁说我们有任务的？","问句：未承认指标"),
     ("你这个手机在录像吗？录吧，我们也在录。","问句：不是针对手机的威胁"),
     (f"后面还有几辆{ch(['渣土车','婚车','货柜车','校车'])}？","问句：数车辆，不是指标"),
     ("你这个钱是要交罚款？罚款不在我这儿交，知道怎么交吗？","问句：指引合法缴费，不是索要"),
     ("你认识我？我们以前见过？那也一样按规定办，行吧？","问句：熟人也照常处理"),
     ("你是不是觉得我故意找你茬？你看看你这个车牌。","问句：解释执法原因，不是威胁"),
     ("要不要我给你叫个拖车？费用是拖车公司收的，你自己跟他们结。","问句：提供协助，不是索要"),
     ("这个月你已经第几次了？第三次了吧？","问句：问当事人违章次数，不是民警指标"),
    ]
    t, n = ch(opts)
    segs = [("O", flavor(t, reg, register))]
    if R.random() < 0.6: segs.append(("C", civ_line(reg, register)))
    return segs, n

def neg_reported(reg, register):
    a = ch(AMT)
    opts = [
     (f"有人举报说这个路口有人收{a}就放行，我们今天专门来查。","转述举报内容，非民警本人索要"),
     (f"你说我跟你要{a}？我什么时候要过？","复述对方指控，民警本人未索要"),
     ("刚才那个司机骂我“狗东西”，我都没理他。","转述他人辱骂，民警本人未辱骂"),
     ("他说要找人砸我车，我已经报所里了。","转述他人威胁"),
     ("网上说我们一个月要罚够一百张，那都是谣传。","转述网上说法并否认"),
     ("我们大队长开会讲了，谁拿指标罚人就处理谁。","转述领导辟谣，不是讲指标"),
     (f"你投诉说我讲“不给钱就扣车”，你有录像吗？拿出来我们一起看。","复述投诉内容，非民警实施"),
     ("电视上演的那种“我是警察跟我走一趟”，跟我们查车不是一回事。","引用电视台词，非自我表明身份"),
     ("老张跟你说交了钱就不扣分？老张的话你也信？","转述第三方说法，民警未索要"),
     ("我念一下你的陈述：“我没有看到标志”，对吧？","宣读群众陈述，不是告知权利"),
     ("你学我说话干嘛？我刚才说的是“靠边停车”，不是“给钱走人”。","澄清被模仿的原话，民警未索要"),
     (f"刚才队里说的是“今天注意安全”，你听成“今天要罚{ch(['十','二十'])}张”了？","澄清他人传话，不是指标"),
     ("那个司机说我是“收费站”，我让他看了我手里就一张罚单。","转述群众挖苦"),
     ("我们老所长以前常讲“宁可少罚，不能错罚”，我也是这么干的。","转述老同事的话"),
    ]
    t, n = ch(opts)
    segs = [("O", flavor(t, reg, register))]
    if R.random() < 0.5: segs = [("C", ch(["有人说你们收钱。","上回那个人就是这么说的。","我听别人讲的。","你自己心里清楚。"]))] + segs
    return segs, n

def neg_other(reg, register):
    opts = [
     ("这条狗又跑马路中间来了，蠢狗，回去！","骂的是狗，不是当事人"),
     ("这破打印机又卡纸，废物玩意儿。","骂的是机器，不是当事人"),
     ("我这脑子，干了这么多年还记不住新条款，真是老糊涂了。","民警自嘲"),
     ("一筐两筐三筐四筐，一共九筐，绑紧了走吧。","清点货物，不是指标"),
     ("一二三四五，五个人，核载七个，没超，走。","清点乘客，不是指标"),
     ("罚款已经在手机上交了，电子票据也出来了，可以走了。","合法电子缴费已完成"),
     ("我们是城管的，不归交警管，你这摊子占道了收一下。","民警声明不是交警，属其他部门"),
     ("我们是运政执法的，不是交警，查你营运证。","其他部门，非交警自我表明"),
     ("（对辅警）上去先说“您好，执勤检查”，钱一分不能碰，记录仪全程开着。","培训指导，不是对当事人的行为"),
     ("（对实习生）告知权利要说全，陈述、申辩、复议、诉讼，一个不能漏，下回你来说。","对同事的培训，不是对当事人告知"),
     ("这鬼天气，雪下成这样，校车都得装链子。","抱怨天气"),
     ("这对讲机一进山就没信号，真是废物。","骂的是对讲机"),
     ("这一船装八台，你排第十，等下一班。","清点车辆，不是指标"),
     ("集装箱这一排十八个，你跟在后面排队。","清点集装箱，不是指标"),
     ("（对讲机）三号岗，马拉松第一梯队过去了，准备放行东向。","无线电调度，无标签行为"),
     ("还有俩月我就退休了，最后站几班岗。","闲聊退休"),
     ("我是派出所的，不是交警，你这个事故等交警来处理。","声明不是交警，其他部门"),
     ("（对新人）教你一句：遇到塞钱的，手背后，人后退一步，大声说“不收”，记录仪对着。","培训话语，不是对当事人"),
     ("这个换电柜又吞卡了，笨机器。","骂的是换电柜"),
     ("我真是个猪脑子，记录仪又忘了充电。","民警自嘲"),
     ("十、二十、三十……一共三十五个桶，数对了，拉走。","清点货物，不是指标"),
     ("你在App上交完了？电子票据我看一下，行，号码对得上，走吧。","合法电子缴费，有票据"),
     ("这头牛怎么又跑到国道上了，犟得跟驴一样。","骂的是牛，不是当事人"),
     ("我们是海关的，不查驾照，查的是你箱子里的货。","其他部门，不是交警"),
    ]
    t, n = ch(opts)
    segs = [("O", flavor(t, reg, register) if not t.startswith("（") else t)]
    if R.random() < 0.5: segs.append(("C", civ_line(reg, register)))
    return segs, n

NEG = {"civilian_says":neg_civilian_says,"officer_refuses":neg_officer_refuses,"negation":neg_negation,"lawful_notice":neg_lawful,
       "question":neg_question,"reported_speech":neg_reported,"other":neg_other}

# ---------------- ASR damage ----------------
HOMO = [("罚款","发款"),("罚单","罚蛋"),("罚单","法单"),("陈述","沉述"),("申辩","身边"),("申辩","申辨"),("复议","附议"),("诉讼","速送"),
        ("警号","井号"),("指标","纸标"),("任务","人物"),("红包","洪包"),("转账","转帐"),("驾照","价照"),("二维码","二维吗"),("扣分","扣粉"),
        ("民警","名警"),("交警","胶警"),("现金","现今"),("收据","手据"),("手机","首机"),("行政","行正"),("权利","权力"),("大队","大对"),
        ("中队","中对"),("辅警","副警"),("私了","私聊"),("单子","担子"),("隧道","碎道"),("渣土","扎土"),("排名","排明"),("领导","领到"),
        ("记分","机分"),("驾驶证","驾使证"),("执法","直法"),("暂扣","站扣"),("起诉","起素"),("考核","考和"),("微信","维信")]
NUMS = [("两千","2000"),("一千","1000"),("八百","800"),("五百","500"),("三百","300"),("两百","200"),("二百","200"),("一百五","150"),
        ("一百","100"),("八十八","88"),("六十六","66"),("五十","50"),("二十","20"),("十五","15"),("十二","12"),("三十","30"),("六十日","60日"),("六个月","6个月"),("十二分","12分")]
def asr(text):
    t = text
    hs = [h for h in HOMO if h[0] in t]; R.shuffle(hs)
    for a, b in hs[:R.randint(1, 2)]: t = t.replace(a, b, 1)
    if R.random() < 0.8:
        for a, b in NUMS: t = t.replace(a, b)
    if R.random() < 0.7: t = re.sub(r"[，。？！、；……“”]", lambda m: " " if R.random() < 0.3 else "", t)
    if len(t) > 6 and R.random() < 0.5:
        i = R.randrange(1, len(t)-1)
        if R.random() < 0.5: t = t[:i] + t[i+1:]
        else: t = t[:i] + t[i] + t[i:]
    if R.random() < 0.15: t = ch(["嗯 ","呃 ","那个 "]) + t
    return t.strip() or text

def damage(segs):
    out = []
    for s, t in segs:
        out.append((s, asr(t) if R.random() < 0.75 else t))
    return out

# ---------------- hand data ----------------
HAND = r"""
P|cash_no_receipt|shandong,colloquial|O:恁这车超了三个人，按说得扣分。//C:大哥俺赶集卖鸡蛋，中不中通融通融？//O:通融也中，二百块搁俺兜里，单子俺就不开了，恁走恁的。
P|cash_no_receipt|tianjin,joking|O:嘛呢您这是，大集上逆行？//C:哥们儿我就这几步道儿。//O:得嘞，几步道儿也是道儿，给我拿二百，票我不撕了，您哪来回哪去。
P|cash_no_receipt|hebei,curt|O:超载了。//C:知道知道。//O:知道就好办，微信转我五百，这回当没看见。
P|cash_no_receipt|yunnan,colloquial|O:老表，你这三轮拉的茶叶太高了嘛。//C:采茶季节嘛，忙得很。//O:忙我晓得，整两百块给我，罚单就莫开了，扣分也免了。
P|cash_no_receipt|guangxi,joking|O:靓仔，头盔呢？//C:忘了忘了。//O:忘了就发个红包给我嘛，八十八，吉利，今天就算了。
P|cash_no_receipt|fujian,colloquial|O:你这个货柜车走错道了哦。//C:阿sir我赶船期啦。//O:船期我不管，扫我这个码，三百块，单子不用开，你快走。
P|cash_no_receipt|anhui,tired|O:哎呀又是你，上礼拜也是这个路口。//C:我也不想的嘛。//O:算了，你现金给我一百，我也懒得写了，不记分。
P|cash_no_receipt|dongbei,joking|O:老铁，你这喝得脸通红还敢开？//C:就喝一小口，真的。//O:一小口也够你喝一壶的，这么着，拿两千出来，咱俩私了，谁也不知道。
P|cash_no_receipt|shanghai,sarcastic|O:侬开得蛮潇洒的嘛，红灯也看不见。//C:师傅不好意思。//O:不好意思有啥用，五百块现金放这里，罚单我就不开了，阿拉大家方便。
P|cash_no_receipt|chongqing,curt|O:你这渣土车半夜跑城区，晓得不？//C:工地催得紧嘛。//O:催得紧就拿一千出来，以后每个月这个数，我这一段就当没看到。
P|cash_no_receipt|gansu,colloquial|O:你这车后头拉了多少羊？//C:就十来只，去集上卖。//O:十来只也是超限，这个样子，给我三百，这个事情就了了，不给你写。
P|cash_no_receipt|formal|O:根据规定，你的行为应处以罚款二百元、记三分。//C:能不能少点？//O:少也可以，不走程序的话你给我现金一百五，分就不扣了，也不给你出票。
P|cash_no_receipt|tired,long|O:几点了你还在这儿跑。//C:送完这单就回。//O:我也熬一宿了。//C:那您放我一马？//O:放你一马也行，意思一下，五十块搁这，单子我不填了。
P|cash_no_receipt|pleading|C:警官我真没钱，孩子在幼儿园门口等着呢。//O:没钱就转账，手机总有吧，转我二百，罚单免了。
P|cash_no_receipt|colloquial|O:你那个车牌遮了啊。//C:泥巴溅的。//O:泥巴溅的？行，我也不难为你，买两条烟给我放车里，这事不往上报。
P|cash_no_receipt|joking|O:结婚车队是吧，恭喜恭喜。//C:谢谢谢谢，来根喜烟。//O:喜烟不够啊，喜钱也得意思意思，包个一千的红包给我，压线的事我就不追了。
P|cash_no_receipt|colloquial|O:你这是改装排气吧？//C:原厂的。//O:原厂的？那行，你把钱给我，咱就当是原厂的，不登记了。
P|cash_no_receipt|curt|O:现金还是转账？//C:那罚单呢？//O:要什么罚单，给了钱就走。
P|cash_no_receipt|hebei,colloquial|O:沙石料盖布都没盖，一路撒。//C:这不马上就到了吗。//O:到了也得罚，这样吧，你们老板每车给我二十，我这边不查你们场子。
P|cash_no_receipt|dongbei,sarcastic|O:哎呦，二手车市场的大老板，试驾试到主路上来了？//C:这不客户要看嘛。//O:客户看客户的，你看我，整个五百，这事儿就算翻篇儿了，不留底。
P|quota|tired|O:这个月还差十七张，我哪有心思跟你扯。//C:那你罚别人去啊。//O:别人也罚，你也跑不掉。
P|quota|shandong,colloquial|O:俺们中队这个月排倒数第二，队长说了，谁单子少谁周末值班。//C:那跟俺有啥关系？//O:关系大了，恁就是俺今天第一张。
P|quota|tianjin,joking|O:哥们儿别怪我，上头定的，一人一天八张票，少一张扣奖金。//C:您这也太实在了。
P|quota|formal|O:按照大队本月的考核要求，每名民警查处违法数量不少于一百二十起，我这边还差得多。//C:那也不能逮着我们送外卖的罚吧。
P|quota|yunnan,colloquial|O:莫怪我嘛，我们领导要数字，这个礼拜还要整二十个出来。//C:你们领导要数字，我们要吃饭嘛。
P|quota|chongqing,angry|O:你以为我想罚你？月底了，任务还差三千块，完不成我要挨批！//C:那是你的事噻。
P|quota|gansu,tired|O:所里给我们下的是一个月五十个，今天一个都还没开。//C:那你开我的，我认了。
P|quota|guangxi,colloquial|O:我们这个片区排名靠后，领导讲下周再没起色就全体加班，所以今天严一点。//C:那也不能乱罚嘛。
P|quota|fujian,sarcastic|O:你运气好，我这个月已经开够了，今天是帮同事凑的。//C:凑什么？//O:他还差十几张，你就当做好事。
P|quota|anhui,colloquial|O:领导说了，马拉松封路这几天是冲数的好时候，一天起码十五个。//C:那我就倒霉呗。
P|quota|shanghai,curt|O:阿拉这个月指标还剩四万，侬这张先开掉。//C:啥指标？
P|quota|dongbei,joking|O:大兄弟，这礼拜我们队跟隔壁队比单子数，输了请吃饭，你就当支持支持我。//C:这也能支持？
P|quota|long,colloquial|O:停车，靠边。//C:咋了？//O:没咋，证件。//C:我没违法啊。//O:后视镜折了就是违法，再说我今天的量还没够，上头盯着呢，一天十张，少一张都不行。
P|quota|radio,curt|U:（对讲机）二组注意，今天每人最低六张，下班前报数。//O:收到。师傅，你这个靠边，算一个。
P|quota|tired|O:我都快退休了还得跑数，上面说退休前也不能拖后腿，这个月一百张。//C:那您老辛苦。
P|verbal_abuse|shandong,angry|O:恁个憨熊，眼珠子长腚上了？红灯都看不见！
P|verbal_abuse|tianjin,angry|O:你个倒霉孩子，嘛玩意儿都不懂还学人飙车！
P|verbal_abuse|dongbei,angry|O:瞅你那虎了吧唧的样儿，脑瓜子让驴踢了？
P|verbal_abuse|chongqing,angry|O:你个瓜娃子，骑个电瓶车跟个耗儿一样乱窜！
P|verbal_abuse|shanghai,sarcastic|O:侬只小赤佬，开个破车还当自己是啥人物啊？
P|verbal_abuse|guangxi,angry|O:你这个扑街，没带头盔还跟我犟！
P|verbal_abuse|fujian,angry|O:你这个猪脑袋，货柜车往行人道上开？
P|verbal_abuse|yunnan,angry|O:你是憨包嘛？隧道封了还往里头冲！
P|verbal_abuse|gansu,angry|O:你个二杆子，羊车拉到国道上来了！
P|verbal_abuse|hebei,sarcastic|O:哟，您可真是个人才，二百五都不够形容您的。
P|verbal_abuse|anhui,angry|O:你个呆瓜，小孩放学时间你在校门口掉头？
P|verbal_abuse|sarcastic|O:厉害厉害，开车的技术跟猴子耍把戏差不多，还挺自豪是吧？
P|verbal_abuse|curt|O:废物，倒个车都倒不进去。
P|verbal_abuse|tired|O:你们这种人啊，就是没脑子，一天到晚给人添乱，跟苍蝇一样。
P|verbal_abuse|angry,long|O:下来！//C:我又咋了嘛？//O:你咋了？你自己看看！//C:我没看见那个牌子。//O:瞎了你个狗东西，那么大牌子看不见！
P|verbal_abuse|joking|O:小伙子，你这小摩托改得跟个屎壳郎似的，你人也跟屎壳郎差不多。
P|verbal_abuse|sarcastic|O:老板真是大人物啊，喝成这样还能开，属王八的吧，命硬。
P|verbal_abuse|curt|O:三八，别在这儿嚷嚷。
P|verbal_abuse|angry|O:你个十三点，船马上靠岸了你把车往跳板上顶？
P|verbal_abuse|shandong,sarcastic|O:恁可真中啊，俺看恁就是个半吊子，弄啥嘞这是。
P|threat|angry|O:你再拍一下试试，我把你手机砸了。
P|threat|shandong,angry|O:恁要是再犟，俺叫恁这辆三轮以后在这条路上甭想跑。
P|threat|tianjin,curt|O:不签是吧？行，你这车在我这片儿以后天天查，查到你卖车为止。
P|threat|dongbei,angry|O:你跟我嘚瑟啥？信不信我让你这驾照这辈子都拿不回来。
P|threat|chongqing,angry|O:你再吼一句，我让你今天走不出这个隧道口。
P|threat|yunnan,colloquial|O:你在哪点上班嘛？我打个电话给你们单位，看你这个工作还要不要。
P|threat|guangxi,sarcastic|O:你可以继续录啊，录完了看你手机还能不能开机。
P|threat|fujian,curt|O:你这个码头以后别想再进来拉货了。
P|threat|hebei,angry|O:砂石场我认识你们老板，你再跟我横，明天你就卷铺盖走人。
P|threat|anhui,colloquial|O:小孩在这个幼儿园吧？你想让你家小孩天天看着你被拦？
P|threat|shanghai,curt|O:侬再闹，我叫侬吃不了兜着走。
P|threat|gansu,angry|O:你不把车挪开，我找人把你车胎放了。
P|threat|sarcastic|O:你这个年纪轻轻的，档案里留点东西，以后考公务员可就难了哦。
P|threat|tired|O:我跟你讲最后一遍，再啰嗦，你家里人就得来派出所领你。
P|threat|joking|O:小伙子挺能说啊，说得我都想让你在这儿站到天亮了，信不信？
P|threat|long,angry|O:把摄像头关了。//C:我有权录像。//O:你有权？//C:法律规定的。//O:你再举着那玩意儿，我让你这手机跟你这车一块儿进河里。
P|threat|colloquial|O:你这种开滴滴的，我一个电话，你平台账号就得封。
P|threat|curt|O:跪下道歉，不然今天没完。
P|threat|dongbei,sarcastic|O:行啊，挺硬气，回头你家门口那车天天贴条，你别哭。
P|threat|formal|O:我提醒你，妨碍执行职务，我可以让你以后在本县寸步难行。
P|identification|formal|O:你好，我是县公安局交警大队一中队民警，警号036521，现在对你的车辆进行检查。
P|identification|shandong,colloquial|O:俺是高速交警二大队的，恁看这个证，俺姓孔。
P|identification|tianjin,curt|O:交警，河西支队的，停车。
P|identification|dongbei,colloquial|O:哎，别跑，我是咱们这片儿交警中队的，姓赵，你瞅我这警号。
P|identification|yunnan,formal|O:我们是州交警支队勐腊大队的，这是我的执法证，请配合。
P|identification|guangxi,colloquial|O:我是辅警，跟着我们民警一起执勤的，你先停一下。
P|identification|fujian,colloquial|O:我们是港区交警的，我的编号在这个肩上，你看清楚。
P|identification|anhui,tired|O:我是这个路段的交警，老周，干了三十年了，你别紧张。
P|identification|chongqing,curt|O:交巡警，渝中支队，例行检查。
P|identification|gansu,formal|O:我是高速公路交警支队天水大队民警，现在隧道封闭施工，请你掉头。
P|identification|shanghai,formal|O:阿拉是浦东交警支队的，我警号拨侬看一看，侬记一记。
P|identification|hebei,colloquial|O:我是这个大队的中队长，我跟你说话你听着点儿。
P|identification|joking|O:别看我穿成这样，我真是交警，今天马拉松，便装加反光背心，证在这儿。
P|identification|radio|U:（对讲机）三号岗注意，前面渣土车拦一下。//O:收到。师傅，我是三号岗辅警小刘，这个点渣土车不能进城，靠边。
P|identification|long,colloquial|C:你哪个单位的？//O:你管我哪个单位。//C:你不说我不配合。//O:行，交警大队事故中队的，够不够？
P|rights_notice|formal|O:对这个处罚决定，你有权进行陈述和申辩，现在可以讲，我们做记录。
P|rights_notice|formal|O:如果你对决定不服，可以在六十日内向上一级公安机关提出行政复议，或者六个月内直接向法院提起行政诉讼。
P|rights_notice|shandong,colloquial|O:恁要是觉得俺罚得不对，恁可以说，这叫陈述申辩，是恁的权利，俺得听。
P|rights_notice|tianjin,colloquial|O:您要不服啊，回头可以找上级复议，也可以上法院告我们，这都是您的权利。
P|rights_notice|dongbei,tired|O:行了行了，有啥想说的你现在说，你有申辩的权利，我给你记上。
P|rights_notice|yunnan,formal|O:处罚之前跟你讲清楚，你有陈述、申辩的权利，对结果不服还能申请复议或者起诉。
P|rights_notice|guangxi,curt|O:有意见你讲，申辩是你的权利；不服就去复议。
P|rights_notice|fujian,formal|O:依照法律规定，你享有陈述权和申辩权，对处罚决定不服的，可以依法申请行政复议或者提起行政诉讼。
P|rights_notice|anhui,colloquial|O:你别光嚷嚷，你有啥理由一条一条说，陈述申辩嘛，我听着。
P|rights_notice|chongqing,tired|O:你要告就去告嘛，法院那边行政诉讼，你有这个权利，我又没拦你。
P|rights_notice|shanghai,formal|O:侬对处罚有异议，可以当场陈述申辩，也可以事后向市局复议。
P|rights_notice|gansu,colloquial|O:你觉得冤枉你就说，你说的理由成立我们就采纳，这是你的申辩权。
P|rights_notice|hebei,sarcastic|O:哟，您不是懂法吗？那您肯定知道您有陈述和申辩的权利，说吧，我洗耳恭听。
P|rights_notice|long,formal|O:你的违法行为是未按规定让行。//C:我让了啊。//O:你有这个意见可以提出来，你享有陈述申辩的权利。//C:那我申辩，我让了。//O:好，我记录在案。
P|rights_notice|pleading|C:警察同志，我真不知道这儿不让停。//O:不知道的话你把情况说一下，你有权陈述，说完我们再定。
P|rights_notice|joking|O:来来来，你的申辩时间，限时三分钟，说得有理我就改。
P|rights_notice|curt|O:不服，复议，诉讼，两条路，你选。
P|rights_notice|formal|O:这是告知单，上面写了你的权利：陈述、申辩，以及申请行政复议、提起行政诉讼的期限。
P|rights_notice|dongbei,colloquial|O:大哥你要觉着不对劲儿，上法院告，行政诉讼，我不拦着，这是你的权利。
P|rights_notice|tired|O:权利我跟你说一下啊，陈述申辩，复议，诉讼，都有，别说我没告诉你。
P|cash_no_receipt,threat|angry,shandong|O:恁今天要么拿五百给俺，要么俺叫人把恁车拖走，拖到明年恁也别想提。
P|cash_no_receipt,threat|curt|O:给钱，不给就扣你本子，扣到你考不了试。
P|cash_no_receipt,quota|tired|O:我这月票数够了，不想再开了，你就给我二百现金，省得我再填一张。
P|cash_no_receipt,verbal_abuse|angry|O:你个穷鬼，两百块都舍不得？拿来，票不开了。
P|verbal_abuse,threat|angry,chongqing|O:你个龟儿子，再拍老子手机给你摔了！
P|verbal_abuse,threat|dongbei,angry|O:小瘪犊子，再跟我犟，我让你爹妈来局子里领人。
P|identification,rights_notice|formal|O:我是市交警支队五大队民警，警号一二七七零四。对本次处罚你有陈述和申辩的权利。
P|identification,threat|angry|O:我是交警大队的，你知道我是谁吗？你再闹，你这车这辈子别想上牌。
P|identification,cash_no_receipt|colloquial|O:我是这里的协警，我说了算，给我一百，走吧。
P|quota,threat|angry|O:我今天单子还差五张，你再多说一句，我给你开三张，一张都不少。
P|quota,verbal_abuse|angry,tianjin|O:你个傻帽儿，正好给我凑数，今儿还差两张呢。
P|cash_no_receipt,threat|sarcastic,long|O:老板做生意的，懂规矩吧？//C:懂，懂，您说。//O:懂就好，一个月一千，你的车在我这一段随便跑。//C:要是不给呢？//O:不给？那你那几辆车，每一辆天天查，一趟都别想跑。
P|threat,verbal_abuse|yunnan,angry|O:你个憨包，再乱说，我让你这辈子在这个坝子里开不成车。
P|cash_no_receipt,identification|fujian,colloquial|O:我是港区交警的，你这个车的事情，私下讲一讲，转我一千，就不处理了。
P|quota,cash_no_receipt|curt|O:要么给我凑个数签字，要么现金私了，你自己挑。
N|civilian_says|pleading|市民主动提出给钱，民警未接受也未索要|C:警官，我这兜里有两百，你拿着，别开票了。//O:把钱收起来，驾照给我。
N|civilian_says|shandong,colloquial|群众说出“红包”，民警未有索要|C:俺给恁包个红包中不中？//O:不中，恁把车靠边停好，该咋处理咋处理。
N|civilian_says|tianjin,joking|群众调侃指标，民警未谈指标|C:您今儿任务完成了吗？差几张我帮您凑凑。//O:少贫，头盔戴上。
N|civilian_says|angry|群众辱骂民警，民警本人无辱骂|C:你个臭警察，狗腿子！//O:请你注意言辞，我们全程录像。
N|civilian_says|dongbei,angry|群众威胁民警，不是民警的行为|C:你信不信我找人弄你？//O:你说的话都录下来了，先冷静。
N|civilian_says|colloquial|群众自称认识交警，不是民警自我身份说明|C:我是交警大队老刘的亲戚，我也算半个交警。//O:那也得按规定来。
N|civilian_says|formal|群众援引复议，民警未告知|C:我要申请复议，还要去法院告你们。//O:可以，按程序走。
N|civilian_says|sarcastic|群众讽刺性说出“扫码给你”，民警未回应索要|C:要不我扫码给你转个五百，你看行不行？//O:你这话说出来不合适，我们按规定处理，罚款到银行或者手机上交。
N|civilian_says|pleading|群众自己说不要罚单，民警未同意|C:别给我开单了，我给您现金，这事就算了吧。//O:不行，该开的单照开。
N|civilian_says|shanghai,colloquial|群众骂自己，不是民警辱骂|C:我真是猪头三，眼睛看都不看。//O:下次注意看标志。
N|civilian_says|chongqing,colloquial|群众转述其他人收钱，民警未参与|C:上回那个人说给他一百块就放我走。//O:哪个说的？你记得警号不？我们查。
N|civilian_says|yunnan,pleading|群众提出私了，民警未答应|C:我们私了嘛，两百块你拿去喝茶。//O:莫整这些，罚款交到银行去，给你票据。
N|civilian_says|guangxi,angry|群众威胁投诉，不是民警威胁|C:我要投诉你，让你丢饭碗！//O:投诉电话在执法证背面，你随时可以打。
N|civilian_says|fujian,colloquial|群众数罚单，不是民警讲指标|C:我这个月已经被你们罚了三张了。//O:那你就少违几次章。
N|civilian_says|anhui,colloquial|群众说出身份，民警未自我介绍|C:我是退伍的武警，跟你们一家人。//O:一家人也得戴头盔。
N|civilian_says|gansu,colloquial|群众讲到陈述权，民警只是回应|C:我知道我有权陈述申辩，你先听我说。//O:说吧。
N|civilian_says|hebei,joking|司机开玩笑叫民警收钱，民警拒绝|C:要不你收我十块钱得了，省得扣分。//O:别闹，扣分是系统里的事，谁都改不了。
N|civilian_says|angry,long|群众骂人威胁，民警只是制止|C:你凭啥拦我？//O:你闯红灯了。//C:闯你妈！老子今天非弄死你不可！//O:你冷静，再这样就涉嫌妨碍执行公务了。
N|civilian_says|colloquial|群众录像并错误引法，民警未有标签行为|C:我告诉你，根据宪法第一百条，你不能拦我，我全程录着呢。//O:你录吧，这是交通安全法的规定。
N|civilian_says|joking|出租车司机开玩笑说民警收钱，民警未收|C:老哥，你今天不收我点茶水钱？//O:喝你的茶去，安全带系好。
N|officer_refuses|formal|民警拒收现金，不是索要|C:我给你现金行不行？//O:现金不收，罚款用交管App缴纳，会有电子票据。
N|officer_refuses|shandong,colloquial|民警拒绝红包|C:恁收下吧，就一点心意。//O:俺不要，恁揣回去，该扣的分一分不少。
N|officer_refuses|tianjin,curt|民警拒绝私了|C:咱私了吧。//O:没有私了这一说。
N|officer_refuses|dongbei,colloquial|民警拒绝转账并警告行贿不合法|C:我给你微信转过去了啊。//O:你赶紧撤回，我不收，再这样就是行贿了。
N|officer_refuses|yunnan,colloquial|民警否认指标|C:你们是不是有罚款任务嘛？//O:莫得任务，哪个跟你讲的？你违章了才罚你。
N|officer_refuses|chongqing,tired|民警否认排名|C:你们是不是比哪个罚得多？//O:没得排名这回事，该罚就罚，不该罚一个都不罚。
N|officer_refuses|guangxi,formal|民警拒绝红包，说明正当缴费|C:红包给你，新年快乐。//O:心意领了，红包不收，罚款你回去在手机上交，电子票据会发给你。
N|officer_refuses|fujian,colloquial|民警拒收礼物|C:这是我们自己采的茶叶，给你尝尝。//O:不要不要，你拿回去，我们有纪律。
N|officer_refuses|anhui,pleading|民警拒绝免单|C:警察同志你就别开了，我给你一百块。//O:钱拿回去，单子照开，这是规定。
N|officer_refuses|shanghai,formal|民警拒绝并说明不存在私下处理|C:阿拉私底下解决好伐？//O:没有私底下解决的，侬该罚多少罚多少，缴款走正规渠道。
N|officer_refuses|gansu,colloquial|民警拒绝收羊|C:给你抓只羊回去吃。//O:你这是弄啥，羊赶紧拉走，我不要。
N|officer_refuses|hebei,sarcastic|民警讽刺性拒绝行贿，不是索要|C:五百够不够？//O:你拿一万也不好使，揣好你的钱。
N|officer_refuses|long,colloquial|商人提出“帮忙”，民警拒绝|C:领导，晚上一起吃个饭？//O:不用。//C:就是交个朋友，以后车队的事你多关照。//O:关照不了，你的车合规就没人找你。
N|officer_refuses|formal|民警否认罚款与奖金挂钩|C:你们罚得越多奖金越多吧？//O:罚款全额上缴国库，跟我们个人收入没有关系。
N|officer_refuses|tired|民警拒绝扫码|C:我扫你二维码转给你吧。//O:我没有二维码给你扫，你自己在App上交。
N|officer_refuses|joking|民警开玩笑拒收烟|C:抽根烟，大哥。//O:戒了戒了，你这烟留着给新郎吧，车队慢点开。
N|officer_refuses|dongbei,curt|民警拒绝金钱并要求登记|C:要不这钱你拿着买水喝。//O:不喝，证件拿来登记。
N|officer_refuses|colloquial|民警否认有数量任务|C:你们一个月得罚够多少张啊？//O:哪有够多少张，没这说法。
N|officer_refuses|pleading|司机恳求收钱放行，民警拒绝|C:求你了，收了钱放我走吧，我赶着去接孩子。//O:不收钱，你把车停好，我尽快给你处理完。
N|officer_refuses|curt|民警拒绝并说明电子缴费|C:现在给你行吗？//O:不行，扫交款单上的码交到财政，不是给我。
N|negation|formal|否定句：民警说明不会扣押手机|O:你录像没问题，我不会收你手机，也不会删你的视频。
N|negation|shandong,colloquial|否定句：不打算罚款|O:俺今天不罚恁，就是提醒恁一句，戴上头盔。
N|negation|tianjin,joking|否定句：没有骂人|O:我可没说您傻啊，我说的是这车傻，自动挡还熄火。
N|negation|dongbei,colloquial|否定句：不会让家人来|O:你别慌，没人要找你家里人，把情况说清楚就行。
N|negation|yunnan,colloquial|否定句：不收钱|O:我不要你一分钱，你把茶叶捆紧就行了。
N|negation|chongqing,colloquial|否定句：不扣车|O:车我不扣你的，你叫个没喝酒的人来开走。
N|negation|guangxi,tired|否定句：无任务|O:我又没得任务，罚你干嘛，我只想你戴个头盔。
N|negation|fujian,formal|否定句：不存在私下处理|O:我们这里不存在私下处理，也不存在罚款不开票据的情况。
N|negation|anhui,colloquial|否定句：不会影响工作|O:这个不会通知你单位的，也不影响你工作，就是记个分。
N|negation|shanghai,colloquial|否定句：不是骂你|O:我没骂侬啊，我讲的是这只信号灯坏掉了，戆的是它。
N|negation|gansu,colloquial|否定句：不扣三轮车|O:你这三轮我不扣，你下回别拉人就行了。
N|negation|hebei,curt|否定句：不罚款|O:不罚你，走吧。
N|negation|long,tired|否定句：拒绝威胁说法|C:你是不是要把我车扣了？//O:谁说要扣你车了。//C:那你拦我干嘛？//O:提醒你前面隧道封了，绕老路。
N|negation|joking|否定句：不是要红包|O:我不是要你红包啊，我是说新郎官的红包车别堵着路口。
N|negation|sarcastic|否定句：没有威胁|O:我没吓唬你，我也吓唬不着你，就是跟你讲清楚这路不能走。
N|negation|formal|否定句：不收取现金|O:现场不收取任何现金，也不会要求你转账给个人。
N|negation|colloquial|否定句：没有指标压力|O:我这个月一张没开也没人说我，你别以为我们要凑数。
N|negation|pleading|否定句：民警安抚不吊销|C:会不会吊销驾照啊？//O:不会，这个情况够不上吊销，你别哭了。
N|negation|tired|否定句：不是针对个人|O:我不是冲你，我是冲这个渣土车，半夜的这么跑太危险。
N|negation|curt|否定句：不要钱|O:钱不要，单子签了。
N|lawful_notice|formal|依法告知强制措施，不是威胁|O:你涉嫌饮酒后驾驶，现在依法对你进行呼气检测，如结果超标将抽血复核并暂扣驾驶证。
N|lawful_notice|shandong,colloquial|合法告知扣车原因|O:恁这三轮没牌没证，按规定得先暂扣，恁拿着手续来，俺就还恁。
N|lawful_notice|tianjin,formal|合法告知拖移|O:这里禁止停车，十分钟内不开走，我们就通知拖车，拖到停车场，您到时候带证件去取。
N|lawful_notice|dongbei,formal|合法告知记分|O:这次是记六分，罚款二百，你这个周期要是记满十二分就得重新学习考试。
N|lawful_notice|yunnan,formal|合法告知隧道封闭|O:隧道正在维修，全封闭，任何车辆不得通行，强行进入将依法处理。
N|lawful_notice|chongqing,curt|合法告知醉驾后果|O:你这个是醉驾，要追究刑事责任，驾照吊销，五年不能考。
N|lawful_notice|guangxi,formal|合法告知改装车需恢复|O:你这个车排气改装了，要责令恢复原状，车先暂扣，恢复好了拿来检验。
N|lawful_notice|fujian,formal|合法告知货柜超限处理|O:货柜超限了，要卸载到标准以内才能放行，费用由你方负担。
N|lawful_notice|anhui,formal|合法告知校车检查结果|O:校车的安全锤少了两个，今天这趟不能跑，配齐了复检合格再发车。
N|lawful_notice|shanghai,formal|合法告知马拉松封路|O:马拉松赛事期间，本路段八点到十二点全封闭，违者按交通管制规定处罚。
N|lawful_notice|gansu,formal|合法告知客运超员|O:超员百分之二十以上，要处罚驾驶人，并且由我们安排转运多余的乘客。
N|lawful_notice|hebei,curt|合法告知不签字照样生效|O:你不签，我们注明拒签，决定照样生效。
N|lawful_notice|long,formal|合法告知并听取意见|C:你凭啥扣我车？//O:你的车辆无号牌上路，依照法律规定予以扣留。//C:那我咋办？//O:补齐号牌和手续来处理，凭凭证领车。
N|lawful_notice|sarcastic|语气尖锐但是合法告知|O:你想跑也行，你跑了就是逃逸，到时候不是罚款的事，是要拘留的，你自己掂量。
N|lawful_notice|tired|合法告知复检|O:酒精值临界，等二十分钟再吹一次，这期间车不能动。
N|lawful_notice|angry|语气强硬的合法告知|O:你再往前开一米就是冲卡！冲卡是要追究责任的！停下！
N|lawful_notice|colloquial|合法告知渡口安全规定|O:上船的车辆熄火拉手刹，人下车，这是渡口的规定，不下车船不开。
N|lawful_notice|dongbei,colloquial|合法告知电动车电池|O:你这电池私自改装扩容的，不能再上路，按规定得登记，换回原厂的再来。
N|lawful_notice|formal|合法告知电子缴费与票据|O:罚款你可以在交管十二一二三App上缴纳，缴费完成后会生成电子票据，请保存好。
N|lawful_notice|joking|开玩笑但为合法告知|O:婚车也得守规矩，压实线记三分罚二百，这个喜事我也不能让你打折哦。
N|question|formal|群众问收据，民警说明电子票据，不是索要也不是免票|C:你们罚款能给收据吗？//O:你问这个？当然有，电子票据发你手机上。
N|question|shandong,colloquial|民警问是否要红包，实为反问拒绝|O:恁是想给俺塞钱？恁看俺像收钱的人不？把钱收起来。
N|question|tianjin,colloquial|问句：询问对方是否是交警，非自我介绍|O:您刚才说那个拦您的人是交警？穿嘛衣服的？
N|question|dongbei,colloquial|疑问句：问对方要不要找家里人来接，出于关心|O:你喝成这样，要不要给你家里人打个电话来接你？
N|question|yunnan,colloquial|问句：问是否知道有任务之说，未承认|O:你听哪个讲我们有罚款任务的？
N|question|chongqing,colloquial|疑问句：问是否骂人，非辱骂|O:我刚才骂你了？我说的是“慢点”，你听成啥子了？
N|question|guangxi,formal|问句：只确认对方是否补充说明，没有告知陈述申辩或复议诉讼的权利|O:你刚才讲的这些，还有没有要补充的？没有我就签字了。
N|question|fujian,colloquial|问句：问乘客数量，非指标|O:车上坐了几个人？五个还是六个？
N|question|anhui,colloquial|问句：问是不是辅警，非自我介绍|C:你是正式的还是辅警？//O:你问这个干嘛？先把车挪到边上。
N|question|shanghai,colloquial|问句：问手机是否在录像，不是威胁|O:侬手机在录伐？录好了，录清爽点，阿拉也在录。
N|question|gansu,colloquial|问句：问羊的数目|O:你车上这是几只羊？数一下，二十三只？
N|question|hebei,curt|问句：问缴费方式，非私收|O:罚款你是App交还是去银行交？
N|question|sarcastic|反问但未辱骂|O:你是觉得这个红灯是给别人设的？
N|question|tired|问句：问是否还有别的要求|O:还有事吗？没事我走了，下个路口还堵着呢。
N|question|joking|问句调侃婚车，未索要|O:新郎官，喜糖有没有？没有也行，先把车挪开。
N|question|long,colloquial|一连串问句，未有标签行为|O:几点出的工地？//C:一点半。//O:拉的啥？//C:渣土。//O:有没有夜间通行证？//C:有，在这儿。
N|question|pleading|问句：民警询问能否帮忙，非索贿|C:我车坏了走不了。//O:要不要我帮你叫个救援？
N|question|curt|问句：问车辆归属|O:车谁的？
N|question|formal|问句：询问对方是否知晓管制|O:请问您是否知道今天马拉松封路的通告？
N|question|colloquial|问句：问对方要不要发票|O:你那个停车费收据要不要？要的话找停车场开。
N|reported_speech|formal|转述举报内容，非本人索要|O:有人举报说这个路口有人收钱放行，我们今天就是来查这个的。
N|reported_speech|shandong,colloquial|转述他人说法|O:恁说俺要钱？俺啥时候要恁钱了？恁再想想。
N|reported_speech|tianjin,joking|转述相声段子|O:我们那会儿老师傅讲笑话，说交警一天得罚八十张，纯属瞎掰，您别当真。
N|reported_speech|dongbei,colloquial|转述司机抱怨|O:刚才那大哥还跟我说，你们交警就是为了罚钱，我说那你别违章不就完了。
N|reported_speech|yunnan,colloquial|转述新闻|O:新闻上讲哪点哪点有个协警收钱被抓了，你莫信那些人，罚款都要走正规渠道。
N|reported_speech|chongqing,colloquial|模仿别人骂人|O:他刚才骂我“瓜娃子”，我都没跟他计较，你还来劝我？
N|reported_speech|guangxi,colloquial|转述投诉|O:你投诉里写我威胁你要砸你手机，我什么时候讲过这个话？
N|reported_speech|fujian,formal|转述群众质疑|O:刚才那个司机问我们是不是有指标，我跟他讲没有，你也可以去问大队。
N|reported_speech|anhui,colloquial|转述家人说|O:我老婆老说我这活儿得罪人，人家骂我我也不还嘴。
N|reported_speech|shanghai,colloquial|转述他人威胁|O:那个人讲要叫人来弄我，我已经报给所里了，侬不要掺和。
N|reported_speech|gansu,colloquial|转述老乡的话|O:村里人说交警一来就要钱，你看我要你钱了没有？
N|reported_speech|hebei,colloquial|转述领导原话作为辟谣|O:我们大队长开会说了，谁敢拿任务罚人就处理谁。
N|reported_speech|long,colloquial|群众模仿民警|C:上次那个警察跟我说“不给钱就扣车”。//O:哪个警察？哪天？//C:上个月赶集的时候。//O:你记下时间地点，去督察那儿反映。
N|reported_speech|sarcastic|转述网上的话|O:网上说我们是“马路上的收费站”，那你看看我手里有没有收款码。
N|reported_speech|tired|转述同事被骂|O:昨天小王被人骂了半小时“狗东西”，还得笑着给人家处理。
N|reported_speech|formal|宣读群众陈述，非民警本人行为|O:我把你刚才的陈述念一遍：“我没有看到禁行标志，也没有收到提醒”，对不对？
N|reported_speech|joking|讲电视剧台词|O:你以为拍电视呢？“我是警察，跟我走一趟”，那是演的，我就是提醒你系安全带。
N|reported_speech|colloquial|转述出租车司机说法|C:老张跟我说你们这片儿一个月得罚够一百个。//O:老张的话你也信？他天天瞎说。
N|reported_speech|pleading|转述孩子的话|C:孩子说“警察叔叔会把爸爸抓走”。//O:不会的，你跟孩子说叔叔只是检查一下。
N|reported_speech|curt|转述举报|O:有人说你车上拉了人，打开看看。
N|other|formal|培训讲解，不是对当事人的行为|O:（对辅警）记住，现场不能收现金，也不能说什么任务，执法记录仪全程开着。
N|other|shandong,colloquial|骂的是狗不是人|O:这条狗咋又跑路中间来了，憨狗，回去！
N|other|tianjin,joking|骂机器|O:这破打印机又卡纸了，嘛玩意儿，傻了吧唧的。
N|other|dongbei,tired|自嘲，不是辱骂当事人|O:我这脑瓜子，干了三十年还记不住新规，真是老糊涂了。
N|other|yunnan,colloquial|数茶叶筐，非指标|O:一筐、两筐、三筐……十二筐，绑紧了，下坡慢点。
N|other|chongqing,colloquial|数车辆|O:隧道口排了有三十几辆车了，叫后面的先掉头。
N|other|guangxi,formal|电子缴费说明|O:罚款已经在App上交了，电子票据也生成了，你可以走了。
N|other|fujian,colloquial|数集装箱|O:这一排是十八个箱，那一排二十个，你先排这一排后面。
N|other|anhui,colloquial|教学：教新辅警说话|O:（对新辅警）你上去先说“您好，交警执勤”，别一开口就吼人。
N|other|shanghai,colloquial|骂天气|O:这鬼天气，落雨落得一塌糊涂，讨厌死了。
N|other|gansu,colloquial|数乘客|O:一、二、三、四，四个人，核载五个，没超，走吧。
N|other|hebei,colloquial|民警表明非交警|O:我们是城管，不是交警，你这个摊子占道了，收一下。
N|other|long,tired|老民警聊退休|O:还有三个月我就退了。//C:那恭喜啊。//O:恭喜啥，退了也闲不住，去给闺女带孩子。
N|other|sarcastic|讽刺天气预报|O:天气预报说今天晴，你看这雨下的，真是个人才写的。
N|other|joking|调侃自己|O:我这个肚子啊，反光背心都快扣不上了，跟个大西瓜一样。
N|other|angry|骂车坏了|O:这破对讲机，一到山里就没信号，废物一个！
N|other|pleading|群众求助|C:警察同志，我孩子在车里锁住了！//O:别慌，我马上叫开锁的，你先别砸玻璃。
N|other|curt|指挥交通|O:左转的走，直行的等。
N|other|formal|否认为交警，另一部门|O:我们是运政执法的，不是交警，查的是你的营运资质。
N|other|colloquial|渡口数车|O:这一趟船装八台车，你排第九，下一趟。
N|other|dongbei,colloquial|电子罚款已缴|O:罚款你手机上交完了是吧？给我看一眼票据。行，完事儿了。
N|other|yunnan,joking|骂猴子|O:这猴子又来抢游客的东西，讨嫌得很。
N|other|fujian,formal|森林公安非交警|O:我是森林公安的，不归交警管，你这个违章的事我处理不了。
N|other|shandong,joking|教练辅导|O:（对实习生）恁记着，问话先问“有没有喝酒”，别上来就问“恁咋不长眼”，那是骂人。
"""

LABMAP = {"cash":"cash_no_receipt"}
def parse_hand(block):
    items = []
    for line in block.strip().splitlines():
        parts = line.split("|")
        if parts[0] == "P":
            _, labs, tags, dia = parts; note = ""; kind = "positive"; labels = labs.split(",")
        else:
            _, kind, tags, note, dia = parts; labels = []
        segs = []
        for turn in dia.split("//"):
            sp, tx = turn.split(":", 1); segs.append((sp, tx))
        tags = [x for x in tags.split(",") if x] + ["handwritten"]
        if sum(1 for s in segs) >= 3 and "long" not in tags and len(segs) >= 4: tags.append("long")
        items.append(dict(segs=segs, labels=labels, kind=kind, tags=tags, note=note))
    return items

SEEN = set()

def main(path):
    items = parse_hand(HAND)
    hand_pos = [i for i in items if i["kind"] == "positive"]
    # unknown speaker on ~10% of hand positives: replace last officer turn
    # templated positives
    singles = list(ACT)
    combos = [("cash_no_receipt","threat"),("cash_no_receipt","quota"),("quota","threat"),("verbal_abuse","threat"),
              ("identification","rights_notice"),("identification","threat"),("verbal_abuse","cash_no_receipt"),("quota","verbal_abuse"),
              ("identification","cash_no_receipt"),("rights_notice","verbal_abuse")]
    tpl = []
    for n in range(525):
        if R.random() < 0.16: labels = list(ch(combos))
        else: labels = [singles[n % 6]]
        reg = ch(REGIONS + [None, None])
        register = ch(REGISTERS)
        scene = ch(SCENES)
        long_ = R.random() < 0.37
        unk = R.random() < 0.11
        breath = len(labels) == 2 and R.random() < 0.6
        for _try in range(30):
            segs, tags = build_positive(labels, reg, register, scene, long_, unk, breath)
            if repr(segs) not in SEEN: break
        SEEN.add(repr(segs))
        tpl.append(dict(segs=segs, labels=sorted(labels), kind="positive", tags=tags, note=""))
    # a few hand positives get unknown speaker
    for it in hand_pos:
        if R.random() < 0.08:
            idx = [i for i, s in enumerate(it["segs"]) if s[0] == "O"]
            j = idx[-1]; it["segs"][j] = ("U", it["segs"][j][1]); it["tags"].append("unknown_speaker")
    kinds = list(NEG)
    negs = []
    for n in range(616):
        k = kinds[n % 7]
        reg = ch(REGIONS + [None, None]); register = ch(REGISTERS); scene = ch(SCENES)
        for _try in range(30):
            segs, note = NEG[k](reg, register)
            segs = list(segs)
            key = repr(segs)
            if key not in SEEN: break
        SEEN.add(key)
        tags = [scene[0], register] + ([reg] if reg else [])
        if R.random() < 0.36:
            pre = opener(scene, reg, register) + [("O", ch(FILL_O).format(v=scene[3])), ("C", ch(FILL_C))][:ch([0,2])]
            if segs[0][0] == "C": pre.append(("O", ch(["说吧。","嗯，你说。","怎么了？","还有啥？"])))
            segs = pre + segs
            tags.append("long")
        negs.append(dict(segs=segs, labels=[], kind=k, tags=tags, note=note))
    allit = items + tpl + negs
    R.shuffle(allit)
    for it in allit:
        if R.random() < 0.3:
            it["segs"] = damage(it["segs"]); it["tags"].append("asr_errors")
    lines = []
    for n, it in enumerate(allit, 1):
        rec = {"id": f"H10-{n:04d}", "segments": [{"speaker": SPK[s], "text": t} for s, t in it["segs"]],
               "labels": sorted(it["labels"]), "kind": it["kind"], "tags": sorted(set(it["tags"]), key=it["tags"].index), "note": it["note"]}
        lines.append(json.dumps(rec, ensure_ascii=False))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    validate(path)

def validate(path):
    from collections import Counter
    ids = set(); lab = Counter(); kind = Counter(); bad = 0; tagc = Counter()
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        assert r["id"] not in ids, r["id"]; ids.add(r["id"])
        assert r["segments"] and all(s["speaker"] in ("officer","civilian","unknown") and s["text"] for s in r["segments"])
        assert (r["kind"] == "positive") == bool(r["labels"]), r
        if r["kind"] != "positive": assert r["note"], r
        for l in r["labels"]: assert l in ACT, l
        text = json.dumps(r, ensure_ascii=False)
        for b in BANNED:
            if b in text: bad += 1; print("BANNED", b, r["id"], file=sys.stderr)
        lab.update(r["labels"]); kind[r["kind"]] += 1; tagc.update(r["tags"])
        if len(r["labels"]) > 1: tagc["_two_labels"] += 1
    print("records", len(ids)); print("labels", dict(lab)); print("kinds", dict(kind))
    print("tags", dict(tagc.most_common(40)))
    assert bad == 0
    assert all(lab[l] >= 90 for l in ACT), lab

if __name__ == "__main__":
    main(sys.argv[1])
