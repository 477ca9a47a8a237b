#!/usr/bin/env python3
"""Generator for the independent held-out corpus heldout9 (ids H9-). stdlib only, seeded.
Usage: python3 make_heldout9.py heldout9.jsonl"""

import json, re, sys, random

R = random.Random(20261209)

LABELS = ['cash_no_receipt', 'quota', 'verbal_abuse', 'threat', 'identification', 'rights_notice']
KINDS = ['civilian_says', 'officer_refuses', 'negation', 'lawful_notice', 'question', 'reported_speech', 'other']
SHORT = {'cash': 'cash_no_receipt', 'quota': 'quota', 'verbal_abuse': 'verbal_abuse', 'threat': 'threat',
         'identification': 'identification', 'rights_notice': 'rights_notice'}
BANNED = ['请出示驾驶证', '可以陈述申辩', '我们不收现金', '也可以申请复议', '依法扣留车辆', '说了多少遍了',
          '这是处罚决定书', '今天不凑够罚款数回不去', '我们没有罚款指标', '不能私下给钱']
REGION_TAGS = ['tianjin', 'hebei', 'gansu', 'yunnan', 'guangxi', 'fujian', 'anhui', 'dongbei', 'shanghai',
               'chongqing', 'shandong']
REGISTERS = ['formal', 'curt', 'joking', 'tired', 'angry', 'sarcastic', 'pleading']


def pick(xs):
    return R.choice(xs)


def parse_hand(block):
    out = []
    cur = None
    for line in block.strip().split('\n'):
        line = line.strip()
        if not line:
            continue
        if line.startswith('#'):
            kind, labs, tags, note = [x.strip() for x in line[1:].split('|')]
            kind = 'positive' if kind == 'pos' else kind
            labs = [] if labs == '-' else [SHORT[x] for x in labs.split(',')]
            cur = {'segments': [], 'labels': labs, 'kind': kind,
                   'tags': ['handwritten'] + [t for t in tags.split(',') if t], 'note': note}
            out.append(cur)
        else:
            sp, txt = line.split(':', 1)
            cur['segments'].append({'speaker': {'O': 'officer', 'C': 'civilian', 'U': 'unknown'}[sp],
                                    'text': txt.strip()})
    for e in out:
        if len(e['segments']) >= 3 and 'long' not in e['tags']:
            e['tags'].append('long')
        if any(s['speaker'] == 'unknown' for s in e['segments']) and e['kind'] == 'positive' \
                and 'unknown_speaker' not in e['tags']:
            e['tags'].append('unknown_speaker')
    return out

# ---------------------------------------------------------------- slots
AMT = ['五十', '八十', '一百', '一百五', '两百', '二百', '三百', '四百', '五百', '六百', '八百', '一千', '一千二', '两千']
BIG = ['两千', '一千五', '三千', '五千', '一千']
PTS = ['三', '六', '九', '十二', '一', '两']
NT = ['十', '十五', '二十', '二十五', '三十', '四十', '五十', '六十', '八十', '一百', '一百二十', '一百五十']
MISS = ['三', '五', '七', '八', '十一', '十几', '二十来', '三十', '四十出头', '小半']
MONEY_BIG = ['两万', '三万五', '五万', '八千', '一万二', '十来万']
PERIOD = ['这个月', '这礼拜', '今天', '这个季度', '月底前', '这周', '今儿个', '年底前', '这一旬']
WHO = ['大队长', '中队长', '支队', '上头', '领导', '局里', '队里', '李队', '刘教导员', '分管的副局长', '上面']
VIOL = ['压实线', '闯红灯', '不戴头盔', '违停', '超载', '超员', '逆行', '开车打电话', '不系安全带', '超速',
        '占应急车道', '货车闯禁行', '没挂牌', '加塞', '电动车载人']
VIOL_N = ['头盔', '违停', '酒驾', '超载', '闯红灯', '电动车', '货车', '逆行']
UNIT = ['市交警支队一大队', '高速交警二中队', '城关交警中队', '开发区交警大队', '港区交警中队', '景区交警中队',
        '县公安局交警大队', '交警支队夜查组', '交巡警三支队', '城南交警中队', '机场高速交警大队', '新区交警二大队']
ROLE = ['民警', '带班民警', '副中队长', '执勤民警', '中队长', '见习民警', '警长']
SURN = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '何', '郭', '罗', '韩', '唐', '邓']
GIVEN = ['强', '伟', '磊', '军', '敏', '静', '涛', '斌', '海波', '建华', '晓东', '丽', '鹏', '春生']
DIG = '零一二三四五六七八九'
GOV = ['市人民政府', '县人民政府', '区政府', '上一级公安机关', '市公安局']
INSULT = ['你个傻子', '你个二百五', '你个二货', '你个憨包', '瓜娃子', '你个憨熊', '你个瘪三', '十三点',
          '你这个土老帽', '乡巴佬', '你个呆瓜', '废物', '猪脑子', '蠢驴', '你这个没长眼的东西', '你个衰仔',
          '神经病', '你个半吊子', '傻帽', '你个缺心眼的', '你个败家玩意儿', '你个山炮', '土鳖', '二五眼',
          '你这个三等残废', '外地佬', '蠢货']
ANIMAL = ['跟头猪似的', '像条疯狗一样', '跟个王八似的慢吞吞', '驴脾气', '属螃蟹的横着走', '脑子跟鸡一样',
          '跟个耗子似的乱窜', '跟头蠢牛一样', '猴子似的上蹿下跳', '跟个癞蛤蟆似的']
SARC = ['大聪明', '这位爷', '人才', '车神', '大明白', '好汉', '高人', '大老板', '大少爷', '秋名山车神']
SARC_TAIL = ['脑子落家里了吧', '智商都充话费送的吧', '驾照是买的吧', '出门没带脑子吧', '你妈没教过你看灯啊',
             '白长这么大个子', '眼珠子是摆设吧']
HARM = ['把你手机砸了', '让你这本儿再也拿不回来', '让你车今天出不了这个路口', '叫你单位开了你',
        '让你在这片儿混不下去', '让你家里人都跟着倒霉', '让你孩子以后政审过不了', '把你车胎扎了',
        '让你跪着求我', '给你车上弄点东西，看你说得清不', '让你这辈子别想再开车', '把你那破车拆了卖废铁',
        '让你那个摊子明天就摆不成', '让你在里面蹲几天长长记性']
DOING = ['再拍', '再废话', '再顶嘴', '再往前挪一步', '再喊', '乱动', '再嘚瑟', '敢跑', '不签', '敢投诉',
         '再叫你那些朋友来']
VEILED = ['这车挺新的，刮花了可就不好看了', '你老婆在哪个厂上班我知道', '天黑路滑，你一个人回去出点啥事谁也说不准',
          '你这手机挺贵吧，掉地上碎了多可惜', '年轻人，路还长，别把自己路走窄了', '你孩子在哪个学校，我打听打听就知道',
          '你这店开在哪我可记着呢', '你这个驾照，想不想要，你自己掂量']
IMPER = ['给我闭嘴', '把手机收了', '给我跪……站好了', '老实待着', '立马给我删了视频', '把嘴放干净']

CITY_PAY = ['交管12123', '银行', '决定书上的缴费码', '政务APP', '自助缴费机']

SCENES = {
    'toll_plaza': (['收费站这儿不让倒车，你靠边。', '你从应急车道插过来的吧？'],
                   ['ETC没刷上我才倒的。', '排了一个小时队，谁受得了。']),
    'night_market': (['电动车都推到这边来。', '夜市门口不能停三轮。'],
                     ['我就卖个烤串，马上收。', '刚出摊，还没开张呢。']),
    'hospital': (['医院门口是急救通道，不能停。', '车谁的？挪一下。'],
                 ['我妈在里面看病，我就送一下。', '我马上就走，马上。']),
    'delivery': (['骑手，过来一下，头盔呢？', '你这单送哪的？刚才闯红灯了。'],
                 ['要超时了哥。', '平台催得紧，我真没办法。']),
    'ride_hailing': (['网约车？证件给我看看。', '乘客先下来等一下。'],
                     ['我就顺路拉个人。', '平台还在审核。']),
    'drunk_checkpoint': (['停车，吹一下，长吹。', '再吹一次，不要停。'],
                         ['我就喝了一杯。', '中午喝的，早就醒了。']),
    'livestock': (['拉的啥？后面打开看看。', '检疫证明呢？'],
                  ['拉的牛，去屠宰场。', '证在家里没带。']),
    'fishing_port': (['冷藏车不能在这卸。', '海鲜车靠边停一下。'],
                     ['船刚靠岸，鱼不等人啊。', '马上卸完。']),
    'ski_road': (['上山要装防滑链。', '雪天你开这么快？'],
                 ['我四驱的，没事。', '链子在后备箱，还没装。']),
    'industrial_park': (['换班时候别抢道。', '厂门口不能这么停。'],
                        ['下夜班了，急着回去睡觉。', '大家都这么停的。']),
    'funeral': (['车队靠右，别占两条道。', '鞭炮不能在路上放。'],
                ['老人走了，按老规矩来的。', '一会儿就过去了。']),
    'spring_festival_bus': (['大巴停一下，查人数。', '过道上都站满了？'],
                            ['都是老乡，要回家过年。', '就多拉了几个。']),
    'gaokao': (['考点周边禁止鸣笛。', '送考车辆停这边。'],
               ['孩子要迟到了！', '能不能让我们先过？']),
    'scenic_road': (['山路弯道不能超车。', '观景台不能停车。'],
                    ['就拍个照。', '前面那车太慢了。']),
    'car_wash': (['门口这几台车谁的？', '洗车占道了知道吗？'],
                 ['生意好，没地方停。', '马上开进去。']),
    'flood_road': (['水还没退，不能过。', '这段路封了。'],
                   ['我家就在前面村里。', '车高，过得去。']),
}
OPEN_O = ['您好，靠边停一下。', '熄火，车窗摇下来。', '师傅，这边来一下。', '停一下停一下。', '哎，说你呢，过来。',
          '驾照行驶证拿出来。', '下来一下。']
OPEN_C = ['咋了警官？', '我赶时间啊。', '我没违章啊。', '哎哟，又查啊。', '啥事儿？', '我咋了嘛？', '警察同志，有事吗？']
FILL_C = ['嗯……', '那个，就是说……', '啊？', '你先听我说——', '不是，我……', '等等等等。', '行行行，你说。',
          '我真不知道啊。', '这也要管？']
FILL_O = ['你别打岔。', '听我说完。', '嗯。', '你先站那儿。', '别激动。', '东西先放下。']
CLOSE_C = ['行吧。', '那我签字。', '你这不讲理嘛。', '我打电话问问。', '……好吧。', '我记住你了。', '啥？你再说一遍？']

REG = {
    'tianjin': (['哎我说，', '您了听好，', '嘛呢这是，'], ['，听明白了嘛', '，介可不是闹着玩的', '，倍儿清楚']),
    'hebei': (['哎，', '咋着，'], ['，中不', '，知道不', '，就这么着']),
    'gansu': (['哎，', '你听着，'], ['，听下了没', '，就这么个事', '，你再不要胡整']),
    'yunnan': (['哎，', '你听好咯，'], ['，整哪样嘛', '咯', '，晓得了噶']),
    'guangxi': (['喂，老表，', '哎，'], ['，得不得', '咯', '，讲清楚了嘛']),
    'fujian': (['你厚，', '啊你，'], ['厚', '啦', '，有听懂没有']),
    'anhui': (['哎，', '你听着，'], ['，可照', '，晓得吧', '，就恁个事']),
    'dongbei': (['哎老铁，', '我跟你说，', '哎妈呀，'], ['，整明白没', '，别跟我整没用的', '，听着没']),
    'shanghai': (['侬听好，', '喏，'], ['，晓得伐', '，好伐', '，侬懂伐']),
    'chongqing': (['哎，', '你听到起，'], ['，晓得不', '哈', '，莫扯']),
    'shandong': (['俺跟恁说，', '哎，'], ['，中不中', '，恁说是不是', '，就这么着吧']),
}
REG_PREFIX = {
    'formal': ['同志，', '您好，', '先生，', '女士，'],
    'curt': [''],
    'joking': ['哈哈，', '嘿，', '哟呵，'],
    'tired': ['唉，', '哎哟我这一天……', '行了行了，'],
    'angry': ['你给我听好了！', '喂！', '你看着我！'],
    'sarcastic': ['哟，', '可以啊，', '厉害了，'],
    'pleading': ['大哥，算我求你了，', '我也没办法，', '你就体谅一下，'],
}


def num6():
    s = ''.join(str(R.randint(0, 9)) for _ in range(6))
    if R.random() < 0.5:
        return ''.join(DIG[int(c)] for c in s)
    return s


def region_wrap(text, region, p=0.7):
    if region is None or R.random() > p:
        return text
    pre, post = REG[region]
    t = text
    if R.random() < 0.5:
        t = pick(pre) + t
    body = t.rstrip('。！？')
    end = t[len(body):] or '。'
    if R.random() < 0.7:
        t = body + pick(post) + end
    return t


def fill(s):
    return (s.replace('{amt}', pick(AMT)).replace('{big}', pick(BIG)).replace('{pts}', pick(PTS))
            .replace('{n}', pick(NT)).replace('{m}', pick(MISS)).replace('{money}', pick(MONEY_BIG))
            .replace('{period}', pick(PERIOD)).replace('{who}', pick(WHO)).replace('{viol}', pick(VIOL))
            .replace('{violn}', pick(VIOL_N)).replace('{unit}', pick(UNIT)).replace('{role}', pick(ROLE))
            .replace('{surn}', pick(SURN)).replace('{given}', pick(GIVEN)).replace('{num}', num6())
            .replace('{gov}', pick(GOV)).replace('{insultn}', re.sub('^你(这个|个)', '', pick(INSULT))).replace('{insult}', pick(INSULT)).replace('{animal}', pick(ANIMAL))
            .replace('{sarc}', pick(SARC)).replace('{sarctail}', pick(SARC_TAIL)).replace('{harm}', pick(HARM))
            .replace('{doing}', pick(DOING)).replace('{veiled}', pick(VEILED)).replace('{imper}', pick(IMPER))
            .replace('{rank}', pick(['倒数第一', '倒数第三', '第十九', '最后', '后五名']))
            .replace('{pay}', pick(['微信', '支付宝', '红包', '现金', '扫码'])).replace('{lawpay}', pick(CITY_PAY)))

# ---------------------------------------------------------------- positive act templates (region None = generic)
ACT = {
 'cash_no_receipt': [
  (None, '{amt}块，{pay}给我，单子就不开了。'),
  (None, '你这{viol}要扣{pts}分，我看这样，{amt}你揣我兜里，分不扣。'),
  (None, '扫我这个码，{amt}，扫完你就走。'),
  (None, '票就别要了，要票得罚{big}，不要票{amt}。'),
  (None, '我这人好说话，给个{amt}的意思，我当没看见。'),
  (None, '你发个红包过来，备注别写啥，这事就翻篇。'),
  (None, '收据？要收据就得走程序，你直接给我{amt}现的，省得麻烦。'),
  (None, '明白人就别让我开单，{amt}，车你开走。'),
  (None, '咱私了吧，{amt}，不进系统。'),
  (None, '你转我{amt}，刚才拍的我删了。'),
  (None, '晚上请我吃个饭，带上{amt}，这事我帮你压下来。'),
  (None, '{amt}拿来，这次不记分，下次注意。'),
  (None, '罚单开出来是{big}，你现在给我{amt}，差价就当你赚了。'),
  (None, '钱放副驾上，我一会儿过去拿，你就当我没拦过你。'),
  (None, '现钱有没有？有就好办，{amt}，记录我不往上传。'),
  (None, '你手机上有{pay}吧，加我一下，转{amt}，备注写借款。'),
  (None, '不想扣分？那就表示表示，{amt}，这张单我撕了。'),
  (None, '这事你找我就对了，{amt}给我，我跟系统那边说一声，违章就消了。'),
  (None, '单子我不开，你也别声张，{amt}塞我袖子里。'),
  (None, '{amt}，不用收据，我这里没那么多讲究。'),
  ('tianjin', '介事儿好办，您了{amt}给我，单子咱就甭开了。'),
  ('dongbei', '整那没用的干啥，{amt}拍这儿，分不扣，走你的。'),
  ('chongqing', '你拿{amt}来嘛，单子就莫开了，分也不扣你的。'),
  ('shandong', '恁给俺{amt}，这个事俺就当没看着，中不中？'),
  ('shanghai', '侬{amt}转拨我，罚单就不开了，好伐？'),
  ('fujian', '你{amt}给我啦，这个罚单就不用开了厚。'),
  ('yunnan', '你拿{amt}来，这个分嘛就不扣了噶。'),
  ('guangxi', '你给{amt}我，罚单就冇开了，得不得？'),
  ('anhui', '你拿{amt}给我，单子就不给你开了，可照？'),
  ('gansu', '你把{amt}给我，手续就不办了，你走你的。'),
  ('hebei', '咋着，{amt}给我，票就不开了，中不？'),
 ],
 'quota': [
  (None, '{period}{who}要{n}张，我还差{m}张。'),
  (None, '不是我想罚，{period}的任务是{n}单，完不成扣绩效。'),
  (None, '我们组排名{rank}，{who}说{period}再垫底就写检查。'),
  (None, '{period}罚款还得凑{money}，你这个正好。'),
  (None, '{who}给每人定了{n}张，{period}谁少开谁挨批。'),
  (None, '{period}还剩{m}张没完成，你就是其中一张。'),
  (None, '考核就看开单数，{period}我排{rank}，不能再往后掉了。'),
  (None, '{who}要的是数字，{period}一人{n}个{violn}。'),
  (None, '{period}的数还差{m}个，你就当帮我一把。'),
  (None, '开满{n}张才能收工，{who}定的。'),
  (None, '{who}开会点名了，{period}{violn}罚单少于{n}张的中队扣分。'),
  (None, '全大队就我们组落后，{period}还差{money}的罚没款。'),
  (None, '{who}的意思是{period}每个岗每天{n}单，一单都不能少。'),
  (None, '上个月排名{rank}，{who}发火了，{period}必须多开。'),
  (None, '我这个月的任务量还剩{m}张，不开你开谁。'),
  (None, '你撞上了，{period}完成率才六成，{who}天天催。'),
  ('tianjin', '您了别怪我，介月{who}要{n}张，我还差{m}张呢。'),
  ('dongbei', '上头压下来的，{period}{n}张，差一张都不好使。'),
  ('chongqing', '{period}还差{m}张，{who}天天喊，莫得办法哈。'),
  ('shandong', '俺{period}还差{m}张，{who}要{n}张，恁就当帮俺个忙。'),
  ('shanghai', '阿拉{period}要{n}张的，还差{m}张，侬帮帮忙。'),
  ('fujian', '我们{period}要开{n}单啦，还差{m}单厚。'),
  ('yunnan', '{period}{who}要我们{n}单嘛，还差{m}单咯。'),
  ('guangxi', '{period}{who}讲要罚够{money}，还差好多咯。'),
  ('anhui', '{period}上头要{n}张，还差{m}张，可照？'),
  ('gansu', '{period}{who}给压了{n}张，还差{m}张，你就认了。'),
  ('hebei', '{period}{who}要{n}张，差{m}张，咋着也得开。'),
 ],
 'verbal_abuse': [
  (None, '{insult}，{viol}还有理了？'),
  (None, '你这开车{animal}，{viol}还往前冲。'),
  (None, '{insult}！耳朵聋了还是眼瞎了？'),
  (None, '{sarc}，{sarctail}。'),
  (None, '哟，{sarc}，{viol}挺能耐啊，{insult}。'),
  (None, '开个车{animal}，{insult}。'),
  (None, '瞧你那德性，{insultn}一个。'),
  (None, '跟你这种{insultn}说话真费劲。'),
  (None, '你爹妈怎么生出你这么个{insultn}。'),
  (None, '{insult}，滚回你老家开去。'),
  (None, '就你这智商还开车？{animal}。'),
  ('tianjin', '嘛玩意儿，{insult}，介都不懂。'),
  ('dongbei', '瞅你那虎样，{insult}，还搁这儿嘚瑟。'),
  ('chongqing', '你个龟儿子，{viol}还有脸说。'),
  ('chongqing', '瓜娃子，脑壳里头装的是浆糊嗦？'),
  ('shandong', '恁这个憨货，{viol}还跟俺犟。'),
  ('shanghai', '侬十三点伐，{viol}还要讲道理。'),
  ('shanghai', '小瘪三，侬再讲一句试试看。'),
  ('fujian', '你是憨的哦，{viol}还这么大声啦。'),
  ('yunnan', '你个憨包，{viol}还整哪样嘛。'),
  ('guangxi', '你个衰仔，{viol}还讲？'),
  ('anhui', '你个呆子，{viol}还有理了。'),
  ('gansu', '你个瓜怂，{viol}还嘴硬。'),
  ('hebei', '你这二货，{viol}还挺横。'),
 ],
 'threat': [
  (None, '你{doing}，我{harm}。'),
  (None, '{imper}，不然我{harm}。'),
  (None, '{veiled}。'),
  (None, '信不信我{harm}？'),
  (None, '你要是{doing}，我保证{harm}。'),
  (None, '我告诉你，今天你{doing}，回头我{harm}。'),
  (None, '你记着，{veiled}，我说到做到。'),
  (None, '我有的是办法，你{doing}试试，我{harm}。'),
  (None, '行，你牛，以后{veiled}。'),
  (None, '把视频删了，要不然{veiled}。'),
  ('tianjin', '你介再{doing}，我{harm}，您了信不信。'),
  ('dongbei', '你再嘚瑟一下试试，我{harm}。'),
  ('chongqing', '你再犟嘛，老子{harm}。'),
  ('shandong', '恁{doing}试试，俺{harm}，中不中？'),
  ('shanghai', '侬{doing}试试看，我{harm}。'),
  ('fujian', '你{doing}啦，我{harm}厚。'),
  ('yunnan', '你敢{doing}，我{harm}咯。'),
  ('guangxi', '你再{doing}，我就{harm}。'),
  ('anhui', '你{doing}看看，我{harm}，可照？'),
  ('gansu', '你{doing}一下试试，我{harm}。'),
  ('hebei', '咋着，你{doing}？我{harm}。'),
 ],
 'identification': [
  (None, '我是{unit}{role}{surn}{given}，警号{num}。'),
  (None, '我们是{unit}的，例行检查，请配合。'),
  (None, '{unit}{role}，这是我的警官证。'),
  (None, '我是{unit}的辅警，跟民警一起执勤，麻烦您靠边。'),
  (None, '警号{num}，{unit}，有问题可以记下来。'),
  (None, '我姓{surn}，{unit}的{role}。'),
  (None, '你好，交警，{unit}，警号{num}，记录仪已开启。'),
  (None, '我们{unit}今天在这设卡，我是带队的{surn}警官。'),
  (None, '辅警{surn}{given}，{unit}的，协助执勤。'),
  (None, '你看清楚，这是我胸前的警号{num}，{unit}。'),
  ('tianjin', '您了别紧张，我是{unit}的{role}，姓{surn}。'),
  ('dongbei', '老铁别慌，我是{unit}的，警号{num}。'),
  ('chongqing', '我是{unit}的{role}哈，警号在这。'),
  ('shandong', '俺是{unit}的，俺姓{surn}，恁别害怕。'),
  ('shanghai', '阿拉是{unit}的，我警号{num}。'),
  ('fujian', '你好啦，我们是{unit}的，我姓{surn}。'),
  ('yunnan', '我是{unit}的{role}咯，姓{surn}。'),
  ('guangxi', '老表，我是{unit}的{role}，这个是我的证。'),
  ('anhui', '我是{unit}的，警号{num}，可照？'),
  ('gansu', '我是{unit}的{role}，姓{surn}。'),
  ('hebei', '我是{unit}的，{role}，咋着，有事儿说。'),
 ],
 'rights_notice': [
  (None, '对本次处罚，你有权陈述和申辩。'),
  (None, '你可以就违法事实作陈述，提出申辩，我们会复核。'),
  (None, '不服的话，六十日内可以向{gov}申请行政复议。'),
  (None, '对决定不服，可以在六个月内向人民法院提起行政诉讼。'),
  (None, '有啥要说的你现在说，陈述是你的权利，申辩也行。'),
  (None, '你要觉得不对，去复议、去起诉都可以，这是你的权利。'),
  (None, '申辩的机会给你，有理由就说。'),
  (None, '按程序告知你：陈述权、申辩权你都有，还能申请复议或者提起诉讼。'),
  (None, '签字之前跟你说清楚，你有陈述申辩的权利，不服还能找{gov}复议。'),
  (None, '你的陈述和申辩我们都会记录，不服可以复议，也能打官司。'),
  (None, '这个处罚你认不认都行，不认就申辩，申辩不成还能复议。'),
  (None, '有意见你就提出申辩，法律给你这个权利。'),
  ('tianjin', '您了有嘛说的尽管说，陈述、申辩都是您的权利。'),
  ('dongbei', '你有啥不服的现在说，申辩是你的权利，整明白没？'),
  ('chongqing', '你不服嘛可以去申请复议，还可以去法院起诉哈。'),
  ('shandong', '恁有啥说的就说，这叫陈述申辩，是恁的权利，中不中？'),
  ('shanghai', '侬有意见可以申辩的，不服还好去{gov}复议。'),
  ('fujian', '你有意见可以陈述和申辩啦，不服可以去复议厚。'),
  ('yunnan', '你有哪样意见嘛就讲，陈述申辩都得，不服去复议咯。'),
  ('guangxi', '你有冇意见？有就讲，申辩是你的权利，还可以去告。'),
  ('anhui', '你不服可以申辩，还能去{gov}复议，可照？'),
  ('gansu', '你有啥说的就说，你有陈述申辩的权利。'),
  ('hebei', '不服？不服有申辩的权利，说吧，我记着。'),
 ],
}
# pairs spoken in one breath: (labels, template)
BREATH = [
 (('cash_no_receipt', 'threat'), '{amt}拿来，不拿我{harm}。'),
 (('cash_no_receipt', 'threat'), '转我{amt}，单子不开；你要是{doing}，我{harm}。'),
 (('quota', 'verbal_abuse'), '{period}还差{m}张，正好逮着你这个{insultn}。'),
 (('threat', 'verbal_abuse'), '{insult}，你{doing}，我{harm}。'),
 (('identification', 'rights_notice'), '我是{unit}{role}，警号{num}，对这次处罚你有权陈述和申辩。'),
 (('identification', 'threat'), '我是{unit}的，你记住我，你{doing}，我{harm}。'),
 (('verbal_abuse', 'rights_notice'), '{insult}，有理你就申辩嘛，不服去法院告。'),
 (('identification', 'cash_no_receipt'), '我是{unit}的{role}，这片我说了算，{amt}给我，单子不开。'),
 (('quota', 'cash_no_receipt'), '{period}数差得多，要么我开单凑数，要么你{amt}现金给我，你选。'),
 (('verbal_abuse', 'cash_no_receipt'), '{insult}，懂不懂规矩，{amt}拿来就放你走。'),
]

# ---------------------------------------------------------------- hard-negative templates
NEUTRAL_O = ['先把车靠边。', '驾照行驶证给我。', '你说的我都记下了，按规定处理。', '请你配合。', '别激动，有话慢慢说。',
             '这跟你的违法行为没关系。', '先熄火，人下来。', '记录仪开着，咱们都规规矩矩的。', '后面车多，先挪到边上。']
CIV_HARM = ['发抖音曝光你', '找你们领导投诉', '让我表哥收拾你', '告到督察那儿', '去纪委举报你', '把你视频挂网上']
NEG = {
 'civilian_says': [
  ([('C', '{amt}你拿着，别开单了。')], '是群众提出给钱，民警没有索要。'),
  ([('C', '我{pay}转你{amt}，行个方便。')], '转钱是群众的提议，民警未接受。'),
  ([('C', '要不咱私了，我给你{amt}，不要收据。')], '私了是群众提出的。'),
  ([('C', '你们{period}是不是要开{n}张才够？')], '指标是群众猜测，民警没有谈任务。'),
  ([('C', '就知道你们有任务，拿我凑数是吧。')], '凑数说法出自群众。'),
  ([('C', '你们排名靠后了吧，专门在这逮人。')], '排名是群众的臆测。'),
  ([('C', '{insult}，你神气啥？')], '辱骂出自群众，民警没有回骂。'),
  ([('C', '你{animal}，还穿身警服。')], '侮辱性比喻是群众说的。'),
  ([('C', '你等着，我{civharm}。')], '威胁性的话是群众说的，不是民警。'),
  ([('C', '你信不信我一个电话让你明天就下岗？')], '群众在威胁，民警没有威胁。'),
  ([('C', '我是{unit}的，都是自己人。')], '自称单位的是群众，不是民警表明身份。'),
  ([('C', '我认识你们{who}，你打电话问问。')], '群众攀关系，民警没有表明身份。'),
  ([('C', '我要申辩！我有陈述和申辩的权利！')], '权利是群众自己主张的，民警没有告知。'),
  ([('C', '我不服，我要去复议，我还要去法院告你们。')], '复议诉讼是群众说的，民警未告知。'),
  ([('C', '警号{num}是吧，我记下了。')], '警号是群众念的，民警没有自报。'),
  ([('C', '我一天跑{n}单外卖，扣了分就白干了。')], '单数是骑手的外卖单，不是罚单指标。'),
 ],
 'officer_refuses': [
  ([('C', '我给你{amt}行不行？'), ('O', '{amt}收回去，罚款按规定在{lawpay}交，有电子票据。')], '民警拒收钱款，罚款走正规渠道。'),
  ([('C', '加个微信，我转你。'), ('O', '别给我转，转了我也原路退回去，罚款去{lawpay}交。')], '民警拒绝私人转账。'),
  ([('C', '你们是不是有任务？'), ('O', '哪有什么张数要求，违法了才处理，不违法一张不开。')], '民警否认有开单指标。'),
  ([('C', '红包我发你了啊。'), ('O', '红包我不领，你点了我也不收，二十四小时自动退。')], '民警拒收红包。'),
  ([('C', '这事能不能私了？'), ('O', '私了不行，该罚的罚，票据系统里有。')], '民警拒绝私了。'),
  ([('C', '我放你车上两条烟。'), ('O', '别往我车里塞东西，塞了我也得交上去。')], '民警拒收财物。'),
  ([('C', '你们一个月得开多少单啊？'), ('O', '没人给我们定数，你别瞎猜，先说你的事。')], '民警否认数量指标。'),
  ([('C', '不开单的话，多少钱？'), ('O', '没有多少钱的说法，单子照开，钱一分不经我手。')], '民警拒绝以钱免单。'),
  ([('C', '现金行吗？'), ('O', '现金我不碰，你在{lawpay}上交，交完有电子票据。')], '民警拒收现金并指向合法缴款。'),
  ([('C', '给你个面子钱，收下吧。'), ('O', '这个面子我不要，罚款{amt}，你走程序交。')], '民警拒收面子钱。'),
 ],
 'negation': [
  ([('O', '我没说要扣你车，证补齐就能走。')], '民警否认要扣车，无威胁。'),
  ([('O', '我可没骂你，我说的是这路口设计得{insultlike}。')], '贬义词指的是路口，不是人。'),
  ([('O', '不是为了凑数，你确实{viol}了。')], '民警否认为了凑数。'),
  ([('O', '我不要你的钱，也没人能替你免罚。')], '民警明确不要钱。'),
  ([('O', '我不是交警，我是{otherjob}的，这事你找交警。')], '否认是交警，不是表明警察身份。'),
  ([('O', '没说不让你拍，你拍，我们执法是公开的。')], '否认限制拍摄，无威胁。'),
  ([('O', '我没说你驾照保不住，就是记{pts}分。')], '否认吊证之类的话，只说法定记分。'),
  ([('O', '这不是罚款，是警告，一分钱不用交。')], '否认罚款，更无索要。'),
  ([('O', '没有谁给我们下任务，{period}也没有。')], '否认指标。'),
  ([('O', '我没在说你，我说的是那只{beast}，{animal}乱窜。')], '动物比喻指的是真动物，不是人。'),
  ([('O', '不是要找你家里人麻烦，是让你家里人来把车开走。')], '否认威胁家属，是叫家属代驾。'),
 ],
 'lawful_notice': [
  ([('O', '根据《道路交通安全法》，你{viol}，罚款{amt}元，记{pts}分。')], '依法告知处罚及依据。'),
  ([('O', '你{viol}，按规定车辆暂扣，带齐手续到大队停车场处理。')], '合法的暂扣措施告知。'),
  ([('O', '你拒绝检查的话，我们将依照《治安管理处罚法》处理，请你配合。')], '说明法律后果并点明依据，不是恐吓。'),
  ([('O', '罚款{amt}元，在{lawpay}缴纳，电子票据自动生成。')], '合法罚款经正规渠道缴纳并有票据。'),
  ([('O', '酒精含量超过八十毫克就是醉驾，要追究刑事责任，这是法律规定。')], '依法告知后果。'),
  ([('O', '车不挪的话我们叫拖车依法拖移，费用按公示标准收取。')], '合法拖移措施告知。'),
  ([('O', '熄火！下车！手放在我能看见的地方！')], '强硬但属合法的现场指令。'),
  ([('O', '不配合抽血检测的，依法可以强制采样，我先跟你讲清楚。')], '依法告知强制措施。'),
  ([('O', '按规定超员百分之二十以上罚款{amt}元，多出来的乘客要转运。')], '依法告知处罚和转运措施。'),
  ([('O', '你这个记分周期满十二分了，要去车管所参加学习考试。')], '依法告知满分教育。'),
  ([('O', '这段路临时管制，违反管制规定的依法处罚，请绕行。')], '管制的合法告知。'),
 ],
 'question': [
  ([('O', '你车上拉了几{cu}？')], '询问数量，不是指标。'),
  ([('O', '你刚才是不是{viol}了？')], '询问违法事实。'),
  ([('O', '你手里拿着钱是想干啥？')], '询问，没有索要。'),
  ([('O', '你觉得我们是来凑数的？')], '反问群众想法，没有谈指标。'),
  ([('O', '谁教你这么说的？')], '询问，无标签行为。'),
  ([('O', '你是哪个单位的？开车怎么不带证？')], '询问对方单位，不是自报身份。'),
  ([('O', '你刚才骂谁呢？')], '询问是否骂人，民警未辱骂。'),
  ([('O', '罚款交了没有？电子票据收到没？')], '询问合法缴款情况。'),
  ([('O', '你晓得这里限速多少不？')], '询问交通知识。'),
  ([('O', '要不要我给你讲讲扣分的规定？')], '询问是否需要解释规定，不是告知权利。'),
 ],
 'reported_speech': [
  ([('O', '你说我{accuse}？你拿出证据来。')], '民警复述群众指控，本人没有该行为。'),
  ([('O', '有人反映说这边交警{accuse2}，督察已经在查了。')], '转述举报内容。'),
  ([('C', '上次那个警察说{quoted}。'), ('O', '哪个警察说的？你记得警号吗？')], '群众转述他人的话，本民警无此行为。'),
  ([('C', '我听人家说{quoted}。'), ('O', '听谁说的？没有这种事。')], '群众转述传言。'),
  ([('O', '刚才那个人说“{civquote}”，我已经录下来了。')], '民警转述他人说的话。'),
  ([('C', '你同事刚才说{quoted}，是不是？'), ('O', '你把原话说清楚，我去核实。')], '群众转述他人言语。'),
 ],
 'other': [
  ([('O', '一、二、三……{cnt}，车上{cnt}个人，核载{cap}个。')], '清点乘客，不是指标。'),
  ([('O', '这车{cnt}箱货，单子上写的少了，去过磅。')], '清点货物，不是指标。'),
  ([('O', '决定书编号{longnum}，你核对一下信息。')], '念文书编号，不是自报警号。'),
  ([('O', '小{surn}，跟群众说话别带脏字，再急也不能骂人。')], '培训说话规范，不是辱骂。'),
  ([('O', '以后告知权利要说全，陈述申辩复议诉讼一个都不能漏，你刚才漏了。')], '内部培训谈告知，不是对当事人告知。'),
  ([('O', '记住，不能说“给我转钱”这种话，被拍到就完了。')], '培训中提及禁语，不是索要。'),
  ([('O', '本周事故{cnt}起，比上周少了几起。')], '事故统计，不是罚单任务。'),
  ([('O', '前面还有{cnt}辆车，一辆一辆过。')], '清点车辆。'),
  ([('O', '{amt}元已经在{lawpay}缴纳成功，电子票据发你短信了。')], '合法罚款已缴并有电子票据。'),
  ([('O', '指挥中心，{scene}这边车流量大，请求支援。')], '无线电请求支援。'),
  ([('O', '我今天站了{cnt}个小时，腿都木了。')], '闲聊。'),
 ],
}
CU = ['个人', '头猪', '只羊', '箱鱼', '桶油', '袋米', '头牛', '个乘客']
ACCUSE = ['收钱', '骂人', '威胁你', '为了凑数罚你', '要你红包', '吓唬你家里人']
ACCUSE2 = ['收红包', '有罚款任务', '骂人', '私下收现金', '扣车不开单']
QUOTED = ['交两百就不开单', '你们一个月要罚一百张', '再拍就砸手机', '给个红包分就不扣', '你们领导要求每天罚十个']
CIVQUOTE = ['我弄死你', '我让你下岗', '你个臭交警', '我给你五百你放我走', '我是你们局长的亲戚']
OTHERJOB = ['路政', '城管', '运管', '保安公司', '收费站']
INSULTLIKE = ['太蠢', '跟迷宫一样', '脑残', '傻乎乎的']
BEAST = ['狗', '鸡', '羊', '猪', '猫']


def fill_neg(s):
    cnt = R.randint(5, 60)
    s = (s.replace('{civharm}', pick(CIV_HARM)).replace('{otherjob}', pick(OTHERJOB))
         .replace('{insultlike}', pick(INSULTLIKE)).replace('{beast}', pick(BEAST)).replace('{cu}', pick(CU))
         .replace('{accuse}', pick(ACCUSE)).replace('{accuse2}', pick(ACCUSE2)).replace('{quoted}', pick(QUOTED))
         .replace('{civquote}', pick(CIVQUOTE)).replace('{cnt}', cn_int(cnt) if R.random() < 0.6 else str(cnt))
         .replace('{cap}', cn_int(max(2, cnt // 2))).replace('{scene}', pick(['收费站', '夜市', '医院门口', '工业园', '景区山路', '港口路']))
         .replace('{longnum}', ''.join(str(R.randint(0, 9)) for _ in range(14))))
    return fill(s)


def cn_int(n):
    if n < 10:
        return DIG[n]
    if n < 20:
        return '十' + (DIG[n % 10] if n % 10 else '')
    if n < 100:
        return DIG[n // 10] + '十' + (DIG[n % 10] if n % 10 else '')
    return str(n)

# ---------------------------------------------------------------- ASR damage (own homophone table)
HOMO = {'陈述': ['陈诉', '沉述', '陈树'], '申辩': ['身边', '深辨', '申便'], '复议': ['服役', '复意', '附议'],
        '诉讼': ['速送', '诉松'], '罚款': ['发款', '法款'], '罚单': ['罚蛋', '发单', '罚担'], '驾照': ['假照', '驾罩'],
        '警号': ['井号', '景号'], '交警': ['胶警', '交井'], '辅警': ['父警', '护警'], '红包': ['洪包', '红宝'],
        '现金': ['现今', '线金'], '二维码': ['二维吗', '二维马'], '微信': ['维信', '威信'], '指标': ['纸表', '指表'],
        '任务': ['认务', '任物'], '排名': ['牌名', '排明'], '手机': ['首机', '手鸡'], '记录仪': ['纪录仪', '记录一'],
        '收据': ['手据', '收剧'], '票据': ['漂据', '票剧'], '扣分': ['扣粉', '扣份'], '转账': ['转帐', '赚账'],
        '权利': ['权力', '全力'], '单位': ['单维', '担位'], '中队': ['中对', '钟队'], '大队': ['大对', '打队'],
        '酒驾': ['九驾', '酒价'], '超载': ['超在', '抄载'], '违停': ['围停', '维停'], '砸': ['杂'], '吊销': ['掉销'],
        '起诉': ['起速', '七诉'], '行政': ['行正', '形政'], '律师': ['律诗'], '电子': ['垫子', '点子'],
        '支付宝': ['支付包'], '处罚': ['出罚', '处发'], '警官': ['井官', '警关'], '私了': ['死了', '私聊'],
        '执法': ['直发', '执发'], '头盔': ['头亏'], '检查': ['捡查'], '扣车': ['扣扯'], '拖车': ['脱车'],
        '熄火': ['吸火'], '签字': ['前字'], '分': ['份'], '傻': ['沙'], '申请': ['深情'], '领导': ['令导'],
        '脑子': ['老子'], '凑数': ['凑树'], '警察': ['井察'], '驾驶': ['假使'], '罚': ['发'], '钱': ['前']}
PUNCT = '，。？！、；：“”——……《》'
CN_NUM = re.compile('[零一二两三四五六七八九十百千万]{2,}')
UNITV = {'十': 10, '百': 100, '千': 1000, '万': 10000}
DV = {c: i for i, c in enumerate(DIG)}
DV['两'] = 2


def cn2int(s):
    if s[0] in '百千万':
        return None
    if all(c in DV for c in s):
        return ''.join(str(DV[c]) for c in s)
    total, sec, cur, last = 0, 0, 0, 0
    for c in s:
        if c in DV:
            cur = DV[c]
        elif c == '万':
            total += (sec + cur) * 10000
            sec, cur, last = 0, 0, 10000
        else:
            u = UNITV[c]
            sec += (cur or 1) * u
            cur, last = 0, u
    if cur and s[-1] in DV and last >= 100 and (len(s) < 2 or s[-2] in UNITV):
        cur = cur * last // 10     # 一百五 = 150, 三万五 = 35000
    return str(total + sec + cur)


def digits(t):
    def rep(m):
        v = cn2int(m.group(0))
        return v if v is not None else m.group(0)
    return CN_NUM.sub(rep, t)


def asr(seg_text, strength):
    t = seg_text
    keys = [k for k in HOMO if k in t]
    R.shuffle(keys)
    for k in keys[:strength]:
        t = t.replace(k, pick(HOMO[k]), 1)
    if R.random() < 0.6:
        t = digits(t)
    r = R.random()
    if r < 0.5:
        t = ''.join(c for c in t if c not in PUNCT)
    elif r < 0.75:
        t = ''.join((' ' if c in PUNCT else c) for c in t).strip()
        t = re.sub(' +', ' ', t)
    return t


def damage(ex):
    segs = ex['segments']
    changed = False
    for s in segs:
        if R.random() < 0.8:
            new = asr(s['text'], R.choice([1, 1, 2, 3]))
            if new != s['text']:
                changed = True
            s['text'] = new
    # one character dropped or doubled in one turn
    s = pick(segs)
    idx = [i for i, c in enumerate(s['text']) if '\u4e00' <= c <= '\u9fff' and c not in '不没别莫冇无未非甭勿']
    if len(idx) >= 4 and R.random() < 0.7:
        i = pick(idx)
        if R.random() < 0.5:
            s['text'] = s['text'][:i] + s['text'][i + 1:]
        else:
            s['text'] = s['text'][:i] + s['text'][i] + s['text'][i:]
        changed = True
    if changed:
        ex['tags'].append('asr_errors')

HAND_POS = r"""
# pos | cash | tianjin,joking,toll_plaza |
O: 您这车超了八百公斤啊，按说得开单子。
C: 哥们儿通融通融，我这趟就挣几百。
O: 嘛通融不通融的，您微信摇一摇，给我来个二百的红包，介单子我就当没写过。
# pos | cash | curt,night_market |
O: 没牌照，车推走。
C: 别啊警官，我明天还得出摊。
O: 五十，现在给，车你骑走，啥也没发生。
# pos | cash | tired,hospital,pleading |
C: 我爸在里面抢救，我就停了两分钟！
O: 行了行了，我也累。你兜里有现钱没，塞我两百，这个违停我不录了。
# pos | cash | chongqing,delivery |
O: 你这闯红灯拍得清清楚楚，要扣你三分哈。
C: 哥，我跑单扣了分就莫得饭吃了。
O: 那你看着办嘛，给我扫个一百块，分就不扣咯，晓得不。
# pos | cash | dongbei,night,drunk_checkpoint |
O: 吹一下。……二十八，饮酒驾驶。
C: 大哥，我就喝了一瓶啤的，咋整啊？
O: 咋整？你这事儿可大可小。后备箱搁两条烟，再拿五千现金，我这仪器就当没响过。
# pos | cash | gansu,livestock |
O: 拉的羊超了一半，证也不全。
C: 尕兄弟，我们山里人挣个钱不容易。
O: 那这样，你拿上一千块，给我，手续我不给你办了，你走你的。
# pos | cash | fujian,fishing_port |
O: 你这个冷藏车在这里卸货，堵了半条路厚。
C: 马上好马上好，十分钟。
O: 十分钟可以啊，茶钱你意思一下啦，三百块，我就没看到。
# pos | cash | dongbei,ski_road,formal |
O: 雪天不装防滑链上山，这得罚。
C: 警察同志，我南方来的不懂，能不能别罚。
O: 罚款单子开出来你还得跑银行，麻烦。你直接转我个人账户四百，省事。
# pos | cash | shanghai,ride_hailing |
O: 侬这个网约车证件没有的伐？
C: 平台说在办了。
O: 在办不算。喏，这个码扫一扫，八百块，记录仪我关掉，侬好走了。
# pos | cash | sarcastic,car_wash |
O: 老板生意兴隆啊，门口占道洗车，一天洗几十台吧。
C: 小本生意，领导多关照。
O: 关照好说，每个月初我来一趟，你准备个信封，占道的事我这边不管。
# pos | cash,threat | anhui,angry,one_breath |
O: 两百块钱拿来，不拿的话你这个车今天别想开回家，可照？
C: 我……我给你转。
# pos | cash | tow_truck,long |
C: 警官，这车拖不拖？
O: 先别拖。
C: 凭啥拖我车啊，我就停了一会儿！
O: 拖车费加停车费你算算一千多，你给老周八百，他跟我分，车就不用拖了。
# pos | cash | spring_festival_bus,pleading |
O: 核载四十五，你装了五十八个人。
C: 都是回家过年的老乡，帮帮忙。
O: 过年嘛，大家都不容易。这样，一个人头你给我二十，我放你过去，罚单不开。
# pos | cash | funeral,formal |
O: 出殡车队占了主路，还放鞭炮。
C: 老人家走了，乡下规矩，请体谅。
O: 体谅归体谅，你们主家包个白包给我，这事我就不往上报了。
# pos | cash | hebei,industrial_park,curt |
O: 你这三轮带人，后斗坐了六个。
C: 厂里下班都这样，咋着嘛。
O: 咋着？罚二百是规矩，你给我一百现金，票不给你开了，中不？
# pos | cash | yunnan,scenic_road,joking |
O: 你这个车在弯道超车，要扣六分咯。
C: 哎呀，我是来旅游嘞。
O: 旅游嘛就不要搞得不开心。微信加一下，你发我个五百的红包，这个分嘛就不扣了噶。
# pos | cash | guangxi,flood_road |
O: 路上还淹着，你大货硬闯，罚款是要罚的咯。
C: 老表，我这车拉的是救灾的米。
O: 救灾也要讲规矩。你扫我手机上这个码，三百，当我没来过，得不得？
# pos | cash | split_turns,long |
O: 这样吧，我看你也不是故意的。
C: 对对对，我真不是故意的。
O: 那你懂的嘛。
C: 懂……懂啥？
O: 我手机尾号六六八八，转过来就行，单子省了。
# pos | cash | joking |
O: 哈哈，兄弟，你这车贴的膜比我脸还黑。罚不罚全看你诚意，诚意按斤算，一斤一百。
C: 啊？啥诚意？
O: 现金诚意嘛，揣兜里就行，开单多伤感情。
# pos | cash | shandong,livestock |
O: 恁这一车猪，超了得有两吨。
C: 俺这是给屠宰场送的，赶时间。
O: 俺也不难为恁，恁给俺拿八百，磅单俺就不看了，中不中？
# pos | cash | tianjin,sarcastic,night_market |
O: 介电动车改装的吧，跑得比汽车还快。
C: 哪儿啊，原厂的。
O: 原厂的？得了您了，一百块钱压我手里，介事儿咱就不提了。
# pos | cash | fujian,delivery,unknown_speaker |
C: 我送外卖的，超时要扣钱的啦。
U: 那你这个逆行的罚款就不要了啦，你转我五十块，快点走。
# pos | quota | radio,long |
U: 三组三组，这个月违停还差多少？
O: 报告中队长，还差四十二张。
U: 周五前给我补齐，大队排名不能再垫底了。
# pos | quota | tired,pleading |
C: 我就压了一下线，你至于吗？
O: 兄弟，我也不想。这个月我个人任务是一百二十张罚单，才开了八十，领导天天催。
# pos | quota | shandong,pleading |
O: 俺也没法子，上头给俺们一人一天定了五张，开不够俺回去挨批，恁就认了吧。
C: 那你也不能逮着俺一个人罚啊！
# pos | quota | formal |
O: 我们中队上个月全市倒数第二，这个月谁少开单谁写检查，所以你这个我必须开。
C: 原来是为了凑数！
# pos | quota | curt |
O: 跟你说实话，这个月罚款还差两万八，你这个超载的正好。
# pos | quota | night,drunk_checkpoint |
O: 李队说了，这条路每天至少查十个酒驾，查不够明天继续蹲。
C: 那你们查你们的，放我走啊。
# pos | quota | chongqing,sarcastic |
O: 我跟你说嘛，这个月的数还剩好多张没完成，你今天撞到枪口上了哈。
# pos | quota | tianjin,joking |
O: 您了放心，不是针对您，我们介月还差三十张，逮谁是谁。
C: 嘿，您这话说的。
# pos | quota | inspection,long |
O: 你们中队这个月人均多少单？
O: 报告副支队长，人均六十一。
O: 不够，支队要求人均八十，月底前补上。
# pos | quota | trainee |
O: 师傅，为啥这个也要罚？
O: 小王，咱这个月还剩三十七张没开，能罚的都罚，回去好交差。
# pos | quota | pleading,rookie |
O: 大哥，我刚来一个月，队里说新人每周要交二十张单，我真的没办法。
C: 那你也不能乱罚。
# pos | quota | dongbei,curt |
O: 整啥呢，今儿个上头要二十个电动车头盔的，差一个都不行，你赶上了。
# pos | quota | gansu,angry |
O: 你不要跟我扯，上面给我们压了五万的罚款数，完不成年终奖都没了。
# pos | quota,verbal_abuse | gansu,angry,one_breath |
O: 我这个月就差你这一张了，你个瓜怂还在这磨叽啥。
# pos | quota | fujian |
O: 我们这边一个季度要四百单啦，你这个不开我们班就排最后了厚。
# pos | quota | anhui,tired |
O: 不是我要搞你，上头下了死命令，一天二十单，少一单扣一百，可照？
# pos | quota | yunnan,pleading |
O: 月底了嘛，队里面统计排名，我们组还差十几单，你就配合一下咯。
# pos | quota | joking |
O: 恭喜你啊，你是我今天第五十张，再来一个我就完成任务下班了。
C: 我谢谢你啊。
# pos | quota | shanghai |
O: 阿拉这个月还有三十几张罚单的数字要完成的，侬帮帮忙，签个字好伐。
# pos | quota | hebei,formal |
O: 上边儿说了，违停这一块每个月必须比上个月多一成，咋着也得开。
# pos | quota | industrial_park,split_turns,long |
C: 天天在厂门口蹲，你们烦不烦。
O: 我们也烦。
C: 那还蹲？
O: 大队给我们片区排了，每个礼拜查三十辆不戴头盔的，不蹲咋完成。
# pos | quota | guangxi,tired |
O: 唉，老表，讲真话，领导要我们这个月每人罚够一万块，我还差一大截咯。
# pos | verbal_abuse | chongqing,angry |
O: 你个龟儿子，红灯都看不到，眼睛长到后脑壳了嗦？
# pos | verbal_abuse | dongbei,sarcastic |
O: 瞅你那熊样，开个车跟个傻狍子似的，还敢嘚瑟。
# pos | verbal_abuse | tianjin,angry |
O: 嘛玩意儿，你介脑子让驴踢了吧，介么宽的道你能开逆行。
# pos | verbal_abuse | shanghai,curt |
O: 侬十三点啊，这里是单行道晓得伐？
# pos | verbal_abuse | angry |
O: 二百五似的，我让你停你还往前冲。
C: 我没听见啊。
# pos | verbal_abuse | sarcastic |
O: 哟，这位大聪明，你觉得斑马线是给斑马走的是吧？
# pos | verbal_abuse | angry |
O: 跟头猪一样往人家车上撞，你是猪脑子吗？
# pos | verbal_abuse | angry |
O: 又是你们外地来的乡巴佬，城里的路不会开就别进来。
# pos | verbal_abuse | gansu,angry |
C: 我又没错，凭啥罚我。
O: 你个怂娃，还敢跟我顶嘴。
# pos | verbal_abuse | guangxi,angry |
O: 你这个笨卵，讲了几遍都不听，非要往水里开。
# pos | verbal_abuse | fujian,sarcastic |
O: 你是憨的哦，骑电动车逆行还带两个小孩。
# pos | verbal_abuse | anhui,curt |
O: 你个呆子，信号灯都不认得还开啥车。
# pos | verbal_abuse | shandong,angry |
O: 恁这个憨熊，俺喊了三遍停车恁聋了？
# pos | verbal_abuse | yunnan,angry |
O: 你个憨包，整哪样嘛，车都不会停。
# pos | verbal_abuse | hebei,night,drunk_checkpoint |
O: 你这二货，喝成这样还开车。
# pos | verbal_abuse | tired |
O: 唉，又来一个没脑子的，我真服了你们这帮废物。
# pos | verbal_abuse | filming,angry |
C: 我拍着呢，你再说一遍。
O: 拍，拍吧，拍你个头，一看就是个没人教的东西。
# pos | verbal_abuse | baiting,angry |
C: 你有本事骂我啊。
O: 骂你都脏了我嘴，滚一边去，你这条癞皮狗。
# pos | verbal_abuse | farmer,angry |
O: 老东西，活这么大岁数了还不懂规矩，拖拉机开到快车道上。
# pos | verbal_abuse,threat | shanghai,angry,one_breath |
O: 你个瘪三再拍一下试试，我让你手机连人一起进去。
# pos | verbal_abuse | sarcastic |
O: 您可真是个人才啊，车技这么好咋不去开飞机，哦对，飞机也不让傻子开。
# pos | verbal_abuse | dongbei,long |
O: 停车！停车！
C: 干啥呀，我赶着接孩子。
O: 接孩子？你这速度是去投胎吧。
C: 你咋说话呢。
O: 我咋说话？跟你这种虎了吧唧的玩意儿就得这么说。
# pos | verbal_abuse | chongqing,sarcastic |
O: 哎哟，锤子哦，你个瓜娃子还晓得顶嘴。
# pos | threat | curt,filming |
O: 把手机放下，再对着我拍，我给你摔了。
# pos | threat | angry |
O: 你要再嘴硬，我保证你这本子这辈子都拿不回来。
# pos | threat | sarcastic |
O: 你单位哪的？行，我一个电话打过去，看你明天还有没有班上。
# pos | threat | farmer,angry |
O: 你家就住前面那个村是吧，我记住了，你媳妇孩子出门都小心点。
# pos | threat | curt |
O: 这条道以后你每天走，我每天等着你，你试试。
# pos | threat | sarcastic |
O: 这车挺新的啊，停在这儿要是哪天玻璃碎了，可别怪没人提醒你。
# pos | threat | dongbei,angry |
O: 你再跟我嘚瑟一句，我让你今晚在里面过年，信不信。
# pos | threat | chongqing,angry |
O: 你莫跟老子犟，再犟我把你车胎放了，看你咋个走。
# pos | threat | shandong,angry |
O: 恁弄啥嘞？再闹俺叫人把恁车拉走砸了，中不中？
# pos | threat | lawyer,sarcastic |
C: 我是律师，你这个程序不对。
O: 律师咋了？律师我也照样让你执业证保不住，你信不信。
# pos | threat | tianjin,angry |
O: 你介嘴再不干不净的，我叫你在天津卫混不下去。
# pos | threat | gansu,angry |
O: 你给我站好，再动一下，我这个警棍可不认人。
# pos | threat | filming,sarcastic |
C: 我要发网上。
O: 发啊，你发一条我查你一条，你那个小店以后天天有人来检查。
# pos | threat | fujian,fishing_port |
O: 你不要给我啰嗦啦，你再讲我让你的车以后在这个港口都进不来厚。
# pos | threat | yunnan,scenic_road |
O: 你要是敢跑，我保证你这辈子的车都开不成咯。
# pos | threat | guangxi,angry |
O: 你再跟我讲道理，我就叫人天天去你家门口查，查到你怕为止。
# pos | threat | anhui,livestock |
O: 你信不信我让你这车菜今天都烂在车上，一箱都卖不出去。
# pos | threat | hebei,ski_road,angry |
O: 咋着，想跑？腿给你打折。
# pos | threat | shanghai,sarcastic |
O: 侬再搞七捻三，我让侬小囡以后读书政审都过不了。
# pos | threat,identification | formal,angry,one_breath |
O: 我是城关交警中队的，警号零二三五一七，你记清楚了，今天你要是不签字，我让你这车一个月都出不了停车场。
# pos | threat | night,long,drunk_checkpoint |
O: 下车。
C: 我没喝，真没喝。
O: 没喝你跑啥？
C: 我、我害怕。
O: 害怕就对了，今天你要是敢不配合，我让你儿子考公的时候档案上都有你这一笔。
# pos | threat | ride_hailing,curt |
O: 你投诉我？投诉去吧，投完了以后你这车在这个区一单都别想接。
# pos | identification | formal |
O: 您好，我们是市公安局交通警察支队高速二大队民警，正在依法执行检查。
# pos | identification | formal |
O: 这是我的警官证，你看清楚，我叫赵建国，警号一零三七二八。
# pos | identification | formal,auxiliary |
O: 大姐你好，我是城南中队的辅警小陈，协助民警执勤，麻烦您靠边。
# pos | identification | trainee |
O: 我姓刘，实习民警，跟着我师傅在这个卡口。
# pos | identification | tianjin |
O: 您了别慌，我是河西交警支队的，这是警号，您瞅瞅。
# pos | identification | shandong |
O: 俺是县交警大队城区中队的，恁别害怕，就是例行检查。
# pos | identification | ticket_number,formal |
O: 我是执勤民警王磊，警号零八五六一二；这张单子编号三七零二一九，你核对一下。
# pos | identification | curt |
C: 你是哪个单位的？有证件没有？
O: 有，交警四大队，我肩上的号码是二一四三八七，记录仪全程开着。
# pos | identification | radio |
U: 哪个组在高速口？
O: 三中队二组，我是带班民警孙强。
# pos | identification | dongbei,farmer |
O: 老乡，我是咱们这片儿管事的交警，姓马，大队里都叫我老马。
# pos | identification | yunnan,scenic_road |
O: 我是景区交警中队的，上山这段路归我们管咯。
# pos | identification | guangxi |
O: 老表，我是交警，这个是我的工作证，你看一下咯。
# pos | identification | fujian,fishing_port |
O: 你好，我们是港区交警大队的，今天在这里联合执法啦。
# pos | identification | gansu |
O: 我是县局交警大队的民警，姓杨，警号在胸口这，你看。
# pos | identification | anhui,auxiliary,farmer |
O: 大爷，我是乡里交警中队的辅警，跟着民警一起的，您别怕。
# pos | identification | chongqing |
O: 我是渝中交巡警的，警号在这哈，你莫紧张。
# pos | identification | rookie,formal |
O: 您好，我是城北中队的民警，我叫林晓，刚调过来，这是我的警号。
# pos | identification | hebei,curt |
O: 我是高速交警的，咋着，有事儿跟我说。
# pos | identification | gaokao |
O: 同学别慌，我们是负责护考的交警，我是二中队的周警官，马上送你去考点。
# pos | identification | night,drunk_checkpoint,curt |
O: 停车检查！我们是交警支队夜查组的，请熄火。
# pos | identification,rights_notice | formal,one_breath |
O: 我是交警三大队民警李伟，警号三二七七九一，对这次处罚你有陈述和申辩的权利，有啥想说的现在就讲。
# pos | identification | shanghai,long |
C: 侬啥人啊，凭啥拦我？
O: 阿拉是黄浦交警支队的。
C: 证件呢？
O: 喏，警号在此地，侬拍好了。
# pos | rights_notice | formal |
O: 根据《行政处罚法》，你有权进行陈述和申辩；对处罚决定不服的，可以在六十日内申请行政复议，或者在六个月内向人民法院提起行政诉讼。
# pos | rights_notice | colloquial |
O: 你要是觉得冤，现在就讲，把你的理由陈述清楚，我记下来，这是你的权利。
# pos | rights_notice | curt,partial |
O: 不服可以去复议，去法院告也行，单子后面写着。
# pos | rights_notice | shandong |
O: 恁要是觉得俺罚得不对，恁有权说道说道，俺听着，这叫陈述申辩。
# pos | rights_notice | tianjin |
O: 您了有嘛意见可以提，陈述、申辩都是您的权利，不提也没事。
# pos | rights_notice | lawyer,formal |
C: 你们告知权利了吗？
O: 现在告知：你对本次处罚享有陈述权、申辩权，不服可以依法申请复议或者提起诉讼。
# pos | rights_notice | chongqing |
O: 你觉得不公平嘛，可以去申请复议，还可以去法院起诉，这个是你的权利哈。
# pos | rights_notice | dongbei |
O: 你有啥要辩的，现在辩，我给你记上，申辩是你该有的权利，整明白没？
# pos | rights_notice | tired |
O: 唉，流程走一下啊，你有权陈述，有权申辩，不服复议诉讼，都写在背面了，签字吧。
# pos | rights_notice | yunnan |
O: 你对这个有意见嘛，陈述、申辩都得，不服的话去复议也得咯。
# pos | rights_notice | guangxi |
O: 你有冇异议？有异议你可以讲，陈述和申辩是你的权利，不服还可以去告我们。
# pos | rights_notice | fujian,formal |
O: 你如果有意见啦，可以提出陈述和申辩，我们会复核的厚。
# pos | rights_notice | gansu |
O: 你有啥冤屈就说，我们听你陈述，你申辩有理我们就改。
# pos | rights_notice | anhui,partial |
O: 你不服的话，六十天以内可以去市政府申请行政复议，可照？
# pos | rights_notice | shanghai |
O: 侬有意见可以讲的，陈述申辩侬有权利的，不服还可以去法院打官司。
# pos | rights_notice | hebei,curt |
O: 咋着，不服？不服你有申辩的权利，说吧，我记着。
# pos | rights_notice | split_turns,long |
O: 处罚之前我得告诉你。
C: 告诉啥？
O: 你可以对违法事实进行陈述，也能提出申辩，理由成立的我们会采纳。
# pos | rights_notice | interrupted,long |
O: 按规定你有权陈述和——
C: 我不听！
O: ——申辩，另外不服可以复议。
# pos | rights_notice,verbal_abuse | angry,one_breath |
O: 你个犟驴，有理你就申辩嘛，我又没堵你嘴，不服去法院告。
# pos | rights_notice | farmer,formal |
O: 大爷，您要是觉得罚得不对，可以跟我们说理由，这叫申辩，您还能去县里申请复议。
# pos | rights_notice | rookie,formal |
O: 先生，我念一下：对本决定不服的，可于收到之日起六十日内申请行政复议，六个月内提起行政诉讼。
# pos | rights_notice | unknown_speaker |
C: 那我要是不服呢？
U: 不服你就去复议，或者直接起诉，都是你的权利。
"""

HAND_NEG = r"""
# civilian_says | - | pleading | 是司机主动提出转钱，民警没有索要也没收。
C: 警官，我给你转两百，你就当没看见行不行？
O: 把手机收起来，该罚多少罚多少。
# civilian_says | - | sarcastic | 指标的说法出自群众，民警只说违法事实。
C: 你们是不是这个月有任务，专门在这蹲人？
O: 你违停了，跟这个没关系。
# civilian_says | - | angry | 辱骂出自群众，民警语言规范。
C: 你个臭条子，神气什么！
O: 请你注意言辞，配合检查。
# civilian_says | - | angry | 威胁是群众说的，不是民警的行为。
C: 你信不信我让你这身皮扒了！
O: 你的话已经录下来了，请配合。
# civilian_says | - | formal | 自称单位的是群众，不是民警表明身份。
C: 我是市局的，你们王支队是我同学。
O: 那也一样，驾照给我看一下。
# civilian_says | - | lawyer | 权利由当事人自己提出，民警没有告知。
C: 我知道我有权利申辩，我现在就要申辩！
O: 好，你说，我记录。
# civilian_says | - | shandong | “罚够数”是群众的猜测，民警没说指标。
C: 恁这些当交警的，一天不罚够数不回家吧？
O: 俺按规定办事，恁先把车靠边。
# civilian_says | - | dongbei,angry | 辱骂出自群众。
C: 瞅你那损色，小交警牛啥啊。
O: 把车熄火。
# civilian_says | - | chongqing,angry | 威胁和脏话都是群众说的。
C: 你龟儿子给我等到，我喊人来收拾你。
O: 你说的话记录仪都录着，冷静一点。
# civilian_says | - | curt | 群众提出给现金不要收据，民警未接受。
C: 我直接给你现金，收据不要了，省得麻烦。
O: 罚款在手机上交，钱我不碰。
# civilian_says | - | fujian | 单数和奖金是群众在问，民警没有谈指标。
C: 你们警察哦，一个月要罚多少单才有奖金啦？
O: 这个你别操心，先把车挪开。
# civilian_says | - | lawyer,formal | 复议诉讼由律师说出，民警尚未告知。
C: 按照行政处罚法，你们应当告诉我可以申请复议和提起诉讼。
O: 稍等，单子打出来再说。
# civilian_says | - | filming | 警号是拍视频的群众念出的，不是民警自报。
C: 大家看啊，这个交警编号是一二三四五六，他要罚我！
O: 往边上站一点，别挡车道。
# civilian_says | - | gansu,angry | 辱骂是两个群众之间的，民警只是劝。
C: 你个瓜子，连个路都不会指！
C: 你才瓜，你全家都瓜！
O: 都别吵，车先挪开。
# civilian_says | - | yunnan,delivery | 二十单是骑手自己的外卖单数，不是罚单指标。
C: 我一天跑二十单，扣了分这个月都白干了。
O: 那你更要注意安全咯。
# civilian_says | - | tow_truck | 回扣是拖车司机提出的，民警拒绝。
C: 警官，老规矩，拖一台我给你返两百。
O: 你说啥呢？该怎么拖怎么拖，按公示价收费。
# civilian_says | - | hospital,pleading | 红包是群众要发，民警没收。
C: 求求你了，我发个红包给你，孩子还在医院等着。
O: 红包别发，先送孩子进去，违停的事后面处理。
# civilian_says | - | shanghai,angry | 辱骂出自群众。
C: 侬个小赤佬，管得着伐！
O: 先生，请您冷静。
# civilian_says | - | tianjin | 认出警官身份的是群众，民警没有自报。
C: 您了是张警官吧，我认得您，上回还是您给我指的路。
O: 先把车靠边，后面车都堵了。
# civilian_says | - | anhui,angry | 群众指责交警要钱，民警反问，无索要。
C: 你们交警就是土匪，拦车就要钱。
O: 请你把话说清楚，谁跟你要钱了？
# civilian_says | - | baiting,long | 群众故意引诱民警骂人，民警没有回骂。
C: 来啊，骂我啊，你骂我傻X我就发网上。
O: 我不会骂你。
C: 你就是不敢！
O: 驾照和行驶证拿出来。
# officer_refuses | - | formal | 民警拒收现金，罚款走财政账户且有电子票据。
C: 哥，这一千你拿着买烟。
O: 拿回去。罚款二百，扫单子上的码交到财政账户，电子票据会发到你手机。
# officer_refuses | - | curt | 民警否认有张数要求。
C: 你们是不是有指标？
O: 没有什么张数要求，你违法了我就处理，没违法我一张不开。
# officer_refuses | - | shandong | 民警拒绝收钱。
C: 俺给恁拿五百，恁高抬贵手。
O: 恁这钱俺不能要，要了俺这身衣服就穿不成了，交款去银行。
# officer_refuses | - | dongbei | 民警拒收，罚款线上缴。
C: 大兄弟，这点心意你揣着。
O: 别往我兜里塞啊，整这出干啥，罚单照开，手机上交钱。
# officer_refuses | - | chongqing | 民警拒绝红包。
C: 我发你个红包嘛。
O: 红包？莫得这个说法哈，我一分钱都不收，你去12123上头交。
# officer_refuses | - | tianjin | 民警拒收香烟和钱。
C: 您了抽根烟，里头还有点儿意思。
O: 您了这烟收回去，介个我真不能收，罚款您自个儿网上交。
# officer_refuses | - | curt | 民警拒绝以钱换不开单。
C: 不开单我给你五百。
O: 五百你留着给孩子买书，单子必须开，分也照扣。
# officer_refuses | - | tired | 民警否认完成任务一说。
C: 你们一天开几张才算完成任务？
O: 哪有什么完成任务，查到一个处理一个，没查到我们就站岗。
# officer_refuses | - | gansu,livestock | 民警拒收现金，指向电子缴款。
C: 兄弟，钱你先拿着。
O: 你把钱揣好，我们这里不兴这个，票子是电子的，回去手机上交。
# officer_refuses | - | fujian | 民警拒绝被塞钱。
C: 一点心意啦，收下嘛。
O: 不要塞钱给我啦，被拍到我们两个都完蛋，你自己去银行交厚。
# officer_refuses | - | yunnan | 民警拒加微信，罚款交平台有回执。
C: 加个微信嘛，我转给你。
O: 你这个微信我不加嘛，罚款交到交警的平台上，有回执的。
# officer_refuses | - | guangxi | 民警拒收钱。
C: 老表，这两百你拿去饮茶。
O: 钱收回去，我冇要你一分钱，这个罚单你照交就得了。
# officer_refuses | - | anhui | 民警拒收现金。
C: 现金行不行？我身上就有现金。
O: 你别给我整这个，现金我不碰，罚款有专门账户。
# officer_refuses | - | shanghai | 民警拒收钞票，APP缴款有发票。
C: 钞票我带着，侬拿去好伐。
O: 侬钞票放回去，阿拉不来这一套的，罚款APP里交，票据也在里面。
# officer_refuses | - | tow_truck,long | 民警拒绝拖车司机的好处说法。
C: 那个拖车的说给你一点好处就不拖了。
O: 他说的不算。
C: 那到底拖不拖？
O: 拖不拖按规定，谁也别想在我这拿好处。
# officer_refuses | - | rookie,pleading | 女民警否认凑单，按规定开具。
C: 小姑娘，你们是不是刚来要凑单啊。
O: 大哥你别这样，我刚上班，不是来凑单的，就按规定给你开一张，该多少是多少。
# officer_refuses | - | inspection,formal | 副支队长明确否定数量指标。
O: 我今天来检查，不看你们开了多少单，看的是执法规不规范，谁敢私下定张数我处理谁。
# officer_refuses | - | hebei,angry | 民警拒绝拿钱摆平。
C: 要不我给你拿点钱，这事就算了。
O: 咋着，想拿钱摆平？没门儿，按规矩罚。
# officer_refuses | - | formal | 民警拒绝扫个人码，缴费码属财政。
C: 我扫你的码吧。
O: 你这个码收起来，我不扫，缴费码在决定书上，是财政的。
# negation | - | joking | 民警否定骂人，说的是导航。
C: 你说我傻？
O: 我没说你傻，我是说这个导航傻，把你导到单行道来了。
# negation | - | formal | 民警否认要扣车，只要补证。
O: 不是吓唬你，我也没说要扣你车，你把证补齐就行。
# negation | - | curt | 否认为了任务。
O: 我可不是为了完成啥任务，你这个确实压实线了。
# negation | - | shandong,joking | 民警说的是车灯不亮，不是骂人。
O: 俺没说恁是熊人，俺说的是恁那车灯跟熊眼似的不亮。
# negation | - | formal | 明确不要钱。
O: 没有人要你的钱，你的钱你自己收好。
# negation | - | formal | 否认现金给个人。
O: 这个不用你掏一分现钱，也不是给我的，系统里直接扣款。
# negation | - | dongbei,tired | 民警否认冲人发火，无辱骂。
O: 我不是冲你发火，这一宿冻的，谁都别扭，你别往心里去。
# negation | - | formal | 否认威胁吊证，只是扣分。
O: 我从来没说过你这驾照要吊销，别听别人瞎传，就是扣三分。
# negation | - | chongqing,filming | 民警否认要收手机。
O: 莫紧张，我不是要收你手机，拍嘛，随便拍。
# negation | - | tianjin | 不罚款不要钱，是警告。
O: 您了别多想，我嘛也没要，介个单子就是警告，不罚钱。
# negation | - | curt | 否认自己是交警，不是表明警察身份。
O: 我不是交警，我是路政的，这个事你找交警。
# negation | - | formal | 首违警告与钱无关。
O: 这次不记分也不罚款，是首违警告，跟钱没有任何关系。
# negation | - | yunnan | 民警说的是狗，不是骂人。
O: 哪个说你是憨包了嘛，我说的是那只狗跑到路中间憨得很。
# negation | - | gansu | 收拾指路障，不是威胁。
O: 我又没说要收拾你，我说的是收拾这个路障。
# negation | - | shanghai,joking | 十三指秒数，不是骂人。
O: 阿拉不是讲侬十三点，阿拉讲这个红绿灯只有十三秒。
# negation | - | fujian | 问的是红色的包，不是要红包。
O: 我没有在跟你要红包啦，我是问你车上那个红色的包是谁的。
# negation | - | ski_road | 否认威胁，是安全提醒。
O: 我没威胁你，我只是说这段路晚上有冰，你车开快了真会出事。
# negation | - | guangxi | 否认罚单数量要求。
O: 冇得哪个讲过要罚够好多单，你听哪个讲的？
# negation | - | anhui | 否认扣留，检查完放行。
O: 我没有拦着不让你走的意思，检查完就放行，可照？
# negation | - | night,drunk_checkpoint | 否认对家属不利，无威胁。
O: 我没说要通知你单位，也没说要找你家里人，就是按程序做个笔录。
# question | - | livestock | 询问人数，无标签行为。
O: 你车上拉了几个人？后斗里还有没有？
# question | - | curt | 民警询问，并未索要。
O: 你手里攥着钱干啥？是不是想塞给我？
# question | - | sarcastic | 反问群众的想法，没有谈指标。
O: 你觉得我们是为了凑任务才查你的？
# question | - | shandong,livestock,night | 询问去向。
O: 恁这是弄啥嘞？大半夜拉这么多猪往哪去？
# question | - | dongbei | 询问是否骂人，民警自己未骂。
O: 你刚才是不是骂人了？
# question | - | formal | 询问限速知识。
O: 你知道这个路段限速多少吗？
# question | - | lawyer,formal | 询问程序问题，不是告知权利。
O: 律师，您觉得我们哪个程序有问题，能具体指出来吗？
# question | - | tianjin,night,drunk_checkpoint | 询问饮酒情况。
O: 您了喝了多少？介是白的还是啤的？
# question | - | chongqing | 询问是否知道违法原因。
O: 你晓得你为啥子被拦下来不？
# question | - | curt | 查验证件的询问。
O: 你的行驶证呢？保险单呢？
# question | - | formal | 追问谁说交钱不扣分，民警本人未索要。
O: 谁跟你说的交两百就不扣分？
# question | - | yunnan,scenic_road | 询问来路去向。
O: 你这个车是哪里的嘛，整哪样去？
# question | - | guangxi,flood_road | 询问货物用途。
O: 车上的米是救灾的还是拿去卖的？
# question | - | fujian,fishing_port | 询问货物去向和单据。
O: 你这个鱼货要拉到哪里啦？有没有冷链的单据？
# question | - | gansu,livestock | 清点询问，非指标。
O: 你这车上几只羊？有没有检疫的单子？
# question | - | formal | 询问合法缴款票据形式。
O: 罚款的票据你要纸质的还是电子的？电子的直接发短信。
# question | - | rookie,pleading | 女民警请求配合的询问。
O: 大哥，你能不能先把烟掐了，咱们好好说？
# question | - | shanghai | 询问是否知道禁停。
O: 侬晓得伐，这里是禁停的？
# question | - | hebei | 反问群众偏见，没有收钱。
O: 你是不是觉得交警都是收钱的？
# reported_speech | - | angry | 民警复述群众指控，本人未收钱。
O: 你说我收钱？你把话讲清楚，我收你什么钱了？
# reported_speech | - | formal | 转述举报内容，是内部提醒。
O: 有人举报说这个路口的交警收红包，今天督察来查，大家都注意。
# reported_speech | - | colloquial | 群众转述别的交警的话，本民警没有索要。
C: 昨天那个交警跟我说，两百块不开单，今天你咋又要开单？
O: 哪个交警说的，你记得他的警号吗？
# reported_speech | - | curt | 民警转述他人威胁。
O: 刚才那个司机说要把我车砸了，我已经录下来了。
# reported_speech | - | shandong | 群众转述传言。
C: 俺村里人都说恁们一个月要罚够一百张。
O: 那都是瞎传的，恁别信。
# reported_speech | - | trainee | 转述师傅的禁语教导。
O: 师傅以前跟我说，千万别跟司机说“你个笨蛋”这种话。
# reported_speech | - | formal | 民警复述群众自称，不是自己表明身份。
O: 你刚才说“我是你们局长的亲戚”，这话我记下了。
# reported_speech | - | sarcastic | 群众转述网络说法。
C: 网上说交警都有月指标，是真的吗？
O: 网上说的你也信？
# reported_speech | - | radio | 民警转述被指控的话，本人未骂。
O: 队长，有个司机说我骂他是猪，记录仪你调出来看，我没说。
# reported_speech | - | dongbei | 群众转述他人；民警澄清不扣车。
C: 你同事刚才说我要是不签字就把我车扣了。
O: 他意思是不签字也不影响处罚，车不扣。
# reported_speech | - | trainee,formal | 引述新闻反面教材，不是威胁。
O: 新闻上那个交警说“再拍砸你手机”，那是反面教材，我们不能这么干。
# reported_speech | - | lawyer | 律师引述民警旧话，不构成告知。
C: 你刚才说“有意见去找你们领导”，这算告知什么权利？
O: 稍等，单子打完再说。
# reported_speech | - | chongqing,tow_truck | 群众转述拖车司机说法，民警否认。
C: 那个拖车师傅说你跟他是一伙的，给钱就不拖。
O: 他乱说的，你要投诉打电话就是。
# reported_speech | - | tianjin | 民警复述群众的质疑。
O: 您了刚才说嘛？说我介是为了完成任务？
# reported_speech | - | yunnan | 民警复述指控并要求回放。
O: 你说我威胁你？我哪句是威胁嘛，你放出来听听。
# reported_speech | - | fujian | 群众转述传言，民警否认私人收款。
C: 我朋友说你们这里可以微信转账把罚款给警察本人的啦。
O: 没有这种事，罚款交到银行。
# reported_speech | - | filming | 群众转述民警的询问。
C: 网友们听见没，他问我“你是哪个单位的”，他在查我！
O: 请配合检查。
# reported_speech | - | gansu | 转述他人指控，民警解释。
O: 有人说我骂他瓜娃子，我说的是他娃娃把瓜子吃了一地。
# reported_speech | - | farmer,shandong | 老农转述以前听到的话，本民警未告知。
C: 上回那个警察跟俺说，俺有啥冤就说，这叫申辩，是不是？
O: 大爷，先把三轮推到路边再说。
# other | - | trainee | 培训话术，不是对当事人表明身份。
O: 小张，记住了，拦车第一句先敬礼，然后说明违法事实，别一上来就吼。
# other | - | spring_festival_bus | 清点乘客人数，不是指标。
O: 一、二、三……十四，车上十四个人，核载七个，超员一倍。
# other | - | formal | 清点箱数，不是指标。
O: 这一车是三百二十箱，单子上写的二百箱，多出来一百二十箱，去称重。
# other | - | ticket_number | 念决定书编号，不是警号自报。
O: 决定书编号三二零一一二零二六零零零四五七，你核对一下姓名。
# other | - | trainee | 培训禁语，不是威胁。
O: 以后别说“你再拍我就砸你手机”这种话，哪怕是开玩笑也不行。
# other | - | formal | 统计事故数，不是罚单任务。
O: 本周事故二十三起，比上周降了五起，大家辛苦了。
# other | - | radio,toll_plaza | 无线电报告路况。
O: 指挥中心，收费站出口排队约两公里，请求增派两个人。
# other | - | joking | 统计帮扶次数，不是指标。
O: 这个月我们中队帮群众推车三十多次，挺好。
# other | - | delivery | 合法罚款经APP缴纳并有电子票据。
O: 一百五十块，12123里已经显示缴费成功，电子票据你看，就在这个页面。
# other | - | tired | 闲聊，无标签行为。
O: 我今天站了十二个小时，腿都不是自己的了。
# other | - | toll_plaza | 清点排队车辆。
O: 前面还有十七辆车排队，一辆一辆过，别急。
# other | - | gaokao | 考试倒计时与开道。
O: 还有二十三分钟开考，我们开道，你们跟紧。
# other | - | flood_road | 水深提示与绕行。
O: 水深大概四十公分，小车都别过，绕行三号线。
# other | - | trainee | 培训中提及告知要求，不是对当事人告知。
O: 小刘，告知权利那段你下次要说全，别光念一半。
# other | - | shandong,livestock | 清点牲畜，不是指标。
O: 俺数数，一车装了八头牛，证上写的是八头，对得上，走吧。
# other | - | car_wash | 合法指令挪车，无处罚无要钱。
O: 这几台车挪进院子里，门口留出消防通道就没事了。
# other | - | industrial_park | 组织疏导。
O: 换班高峰就这十分钟，大家排好队，电动车一个一个出。
# other | - | spring_festival_bus | 核对人数，不是指标。
O: 这车核载五十五，我点了，五十五个，正好，祝大家回家过年顺利。
# other | - | inspection | 清点记录仪数量。
O: 今天在岗十二人，执法记录仪十二台，都开着。
# other | - | rookie,trainee | 培训谈禁语。
O: 别学网上那些骂人的话，咱们再气也不能骂人家“傻子”。
"""

# ---------------------------------------------------------------- assembly
REG_FOR = {
    'cash_no_receipt': ['joking', 'curt', 'tired', 'sarcastic', 'formal'],
    'quota': ['tired', 'pleading', 'curt', 'joking', 'formal', 'sarcastic'],
    'verbal_abuse': ['angry', 'sarcastic', 'curt', 'tired', 'joking'],
    'threat': ['angry', 'sarcastic', 'curt'],
    'identification': ['formal', 'curt', 'tired', 'joking'],
    'rights_notice': ['formal', 'curt', 'tired', 'pleading'],
}


def choose_region():
    return None if R.random() < 0.25 else pick(REGION_TAGS)


def act_text(label, region):
    specific = [t for r, t in ACT[label] if r == region]
    generic = [t for r, t in ACT[label] if r is None]
    if specific and R.random() < 0.55:
        return fill(pick(specific))
    return region_wrap(fill(pick(generic)), region)


def with_prefix(text, register):
    if R.random() < 0.45:
        p = pick(REG_PREFIX[register])
        if p and not text.startswith(p):
            return p + text
    return text


def context(scene, n):
    """n context turns before the act, alternating and with fillers."""
    o_lines, c_lines = SCENES[scene]
    turns = [('officer', pick(o_lines + OPEN_O)), ('civilian', pick(c_lines + OPEN_C))]
    used = {t for _, t in turns}
    while len(turns) < n:
        sp = 'civilian' if turns[-1][0] == 'officer' else 'officer'
        pool = [x for x in (FILL_C + c_lines if sp == 'civilian' else FILL_O + o_lines) if x not in used]
        t = pick(pool)
        used.add(t)
        turns.append((sp, t))
    return turns[:n]


def shape(core, scene, long_p=0.28):
    """core: list of (speaker, text). Wrap with context to make short or long exchanges."""
    tags = []
    if R.random() < long_p:
        total = R.randint(max(3, len(core) + 1), 9)
        before = R.randint(1, max(1, total - len(core)))
        after = total - len(core) - before
        turns = context(scene, before) + core
        for _ in range(max(0, after)):
            turns.append(('civilian', pick(CLOSE_C + FILL_C)) if turns[-1][0] != 'civilian'
                         else ('officer', pick(FILL_O)))
        tags.append('long')
    else:
        r = R.random()
        turns = list(core)
        if r < 0.35:
            turns = [('civilian', pick(SCENES[scene][1] + OPEN_C))] + turns
        elif r < 0.6:
            turns = turns + [('civilian', pick(CLOSE_C))]
    if len(turns) >= 3 and 'long' not in tags:
        tags.append('long')
    return turns, tags


def make_positive(labels, mode):
    region = choose_region()
    scene = pick(list(SCENES))
    register = pick(REG_FOR[labels[0]])
    tags = ['templated', scene, register, region or 'putonghua']
    core = []
    if mode == 'breath':
        tpl = [t for ls, t in BREATH if ls == tuple(labels)]
        text = with_prefix(region_wrap(fill(pick(tpl)), region), register)
        core = [('officer', text)]
        tags += ['one_breath', 'two_acts']
    elif mode == 'split':
        core = [('officer', with_prefix(act_text(labels[0], region), register)),
                ('civilian', pick(FILL_C + CLOSE_C)),
                ('officer', act_text(labels[1], region))]
        tags.append('two_acts')
    else:
        text = act_text(labels[0], region)
        m = re.search('[，；]', text[3:-3]) if R.random() < 0.12 else None
        if not m:
            text = with_prefix(text, register)
        if m:
            i = m.start() + 3
            core = [('officer', text[:i] + '——'), ('civilian', pick(['你——', '等会儿——', '啥？', '我——'])),
                    ('officer', '——' + text[i + 1:])]
            tags.append('interrupted')
        else:
            core = [('officer', text)]
    turns, t2 = shape(core, scene)
    tags += t2
    segs = [{'speaker': s, 'text': t} for s, t in turns]
    if R.random() < 0.12:
        # the act turn heard but speaker not resolved by diarisation
        act_idx = [i for i, (s, t) in enumerate(turns) if (s, t) in core and s == 'officer']
        if act_idx:
            segs[act_idx[-1]]['speaker'] = 'unknown'
            tags.append('unknown_speaker')
    return {'segments': segs, 'labels': sorted(labels, key=LABELS.index), 'kind': 'positive', 'tags': tags,
            'note': ''}


def make_negative(kind):
    region = choose_region()
    scene = pick(list(SCENES))
    register = pick(REGISTERS)
    core_t, note = pick(NEG[kind])
    core = []
    for sp, t in core_t:
        txt = region_wrap(fill_neg(t), region, 0.5)
        if sp == 'O':
            if kind not in ('other', 'reported_speech') and not (register == 'pleading' and kind == 'lawful_notice'):
                txt = with_prefix(txt, register)
            core.append(('officer', txt))
        else:
            core.append(('civilian', txt))
    if len(core) == 1 and core[0][0] == 'civilian':
        core.append(('officer', pick(NEUTRAL_O)))
    turns, t2 = shape(core, scene, 0.08 if kind == 'other' else 0.28)
    tags = ['templated', scene, register, region or 'putonghua'] + t2
    return {'segments': [{'speaker': s, 'text': t} for s, t in turns], 'labels': [], 'kind': kind,
            'tags': tags, 'note': note}


def main(path):
    exs = parse_hand(HAND_POS) + parse_hand(HAND_NEG)
    # templated positives
    pairs_breath = [tuple(ls) for ls, _ in BREATH]
    pairs_split = [('cash_no_receipt', 'threat'), ('identification', 'rights_notice'), ('quota', 'verbal_abuse'),
                   ('identification', 'threat'), ('verbal_abuse', 'threat'), ('identification', 'cash_no_receipt'),
                   ('quota', 'rights_notice'), ('verbal_abuse', 'rights_notice')]
    for i in range(517):
        r = R.random()
        if r < 0.09:
            exs.append(make_positive(list(pick(pairs_breath)), 'breath'))
        elif r < 0.16:
            exs.append(make_positive(list(pick(pairs_split)), 'split'))
        else:
            exs.append(make_positive([LABELS[i % 6]], 'single'))
    for i in range(645):
        exs.append(make_negative(KINDS[i % 7]))
    R.shuffle(exs)
    for e in exs:
        if R.random() < 0.33:
            damage(e)
    with open(path, 'w', encoding='utf-8') as f:
        for n, e in enumerate(exs, 1):
            rec = {'id': 'H9-%04d' % n, 'segments': e['segments'], 'labels': e['labels'], 'kind': e['kind'],
                   'tags': sorted(set(e['tags']), key=e['tags'].index), 'note': e['note']}
            f.write(json.dumps(rec, ensure_ascii=False) + '\n')
    validate(path)


def validate(path):
    from collections import Counter
    ids, lab, kind, tagc = set(), Counter(), Counter(), Counter()
    bad = 0
    n = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            e = json.loads(line)
            n += 1
            assert e['id'] not in ids, e['id']
            ids.add(e['id'])
            assert set(e) == {'id', 'segments', 'labels', 'kind', 'tags', 'note'}
            assert all(s['speaker'] in ('officer', 'civilian', 'unknown') and s['text'] for s in e['segments'])
            assert set(e['labels']) <= set(LABELS)
            assert e['kind'] in ['positive'] + KINDS
            assert (e['kind'] == 'positive') == bool(e['labels']), e['id']
            if e['kind'] != 'positive':
                assert e['note'], e['id']
            for s in e['segments']:
                for b in BANNED:
                    if b in s['text']:
                        bad += 1
                        print('BANNED', e['id'], b)
            for l in e['labels']:
                lab[l] += 1
            kind[e['kind']] += 1
            for t in e['tags']:
                tagc[t] += 1
            if len(e['labels']) >= 2:
                tagc['_multi_label'] += 1
    print('exchanges', n, 'unique ids', len(ids), 'banned hits', bad)
    print('labels', dict(lab))
    print('kinds', dict(kind))
    print('tags', {k: tagc[k] for k in ['handwritten', 'templated', 'long', 'asr_errors', 'unknown_speaker',
                                        'one_breath', 'two_acts', '_multi_label', 'interrupted'] + REGION_TAGS
                   + ['putonghua'] + REGISTERS})
    assert bad == 0


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'heldout9.jsonl')
