#!/usr/bin/env python3
"""Generator for the independent held-out corpus heldout8 (stdlib only, deterministic)."""
import json, os, sys, random, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from heldout8_hand import HAND

R = random.Random(20261206)
CODES = {'c': 'cash_no_receipt', 'q': 'quota', 'v': 'verbal_abuse', 't': 'threat', 'i': 'identification', 'r': 'rights_notice'}
LABELS = list(CODES.values())
KINDS = ['civilian_says', 'officer_refuses', 'negation', 'lawful_notice', 'question', 'reported_speech', 'other']
BANNED = ['请出示驾驶证', '可以陈述申辩', '我们不收现金', '也可以申请复议', '依法扣留车辆', '说了多少遍了',
          '这是处罚决定书', '今天不凑够罚款数回不去', '我们没有罚款指标', '不能私下给钱']
SPK = {'O': 'officer', 'C': 'civilian', 'U': 'unknown'}

def pick(xs):
    return R.choice(xs)

# ---------------- regions: officer/civilian flavour ----------------
REG = {
 'shandong': (['俺跟恁说，', '咋弄的，', '恁听着，'], ['，中不中？', '，弄啥嘞。', '，恁寻思寻思。'], ['俺这车咋了？', '恁这是弄啥嘞？', '俺真不知道啊。']),
 'henan': (['恁看看，', '中了中了，', '咋回事儿，'], ['，中不中？', '，得劲不？', '，恁记住喽。'], ['俺咋了嘛？', '中，中。', '恁这是弄啥？']),
 'northeast': (['我跟你唠唠，', '咋整的，', '你嘎哈呢，'], ['，听着没？', '，整明白没？', '，完事儿了。'], ['嘎哈呀这是？', '咋整啊大哥？', '整啥呢这是。']),
 'liaoning': (['老铁，', '哎我说，', '你瞅瞅，'], ['，听明白没？', '，就这么地。', '，别磨叽。'], ['咋的了？', '哎呀妈呀，咋整。', '嘎哈呀？']),
 'sichuan': (['你听到起，', '啥子情况嘛，', '我跟你讲嘛，'], ['，要得不？', '，晓得不？', '，莫得商量。'], ['啥子嘛？', '要得要得。', '莫得问题噻。']),
 'guizhou': (['你听到，', '搞哪样嘛，', '我跟你讲，'], ['，晓得不嘛？', '，要得不？', '，就这样。'], ['搞哪样哦？', '好嘛好嘛。', '我哪晓得嘛。']),
 'hunan': (['你听好咯，', '搞么子咯，', '跟你讲咯，'], ['，晓得啵？', '，要得不？', '，冇得办法。'], ['搞么子啊？', '要得咯。', '我冇晓得哦。']),
 'hubei': (['你听倒，', '搞么斯啊，', '跟你说撒，'], ['，晓得冇？', '，莫啰嗦。', '，就这样撒。'], ['搞么斯啊？', '好好好，晓得了。', '我冇注意撒。']),
 'cantonese': (['喂，', '我同你讲，', '唔该，'], ['，明唔明啊？', '，得唔得？', '，就咁啦。'], ['咩事啊阿sir？', '好啦好啦。', '唔系啩？']),
 'hainan': (['老哥，', '你听着，', '哎，'], ['，知道没？', '，好不好？', '，就这样咯。'], ['做什么啊？', '好咯好咯。', '我不知道啊。']),
 'shaanxi': (['你听着，', '咋回事嘛，', '我给你说，'], ['，嫑胡搞。', '，听下了没？', '，就这。'], ['咋咧？', '嘹得很，行行行。', '我没弄啥呀。']),
 'shanxi': (['你听我说，', '咋回事了，', '哎你这，'], ['，听见了没？', '，就这。', '，甭磨蹭。'], ['咋了嘛？', '行了行了。', '我也不知道咋回事。']),
 'inner_mongolia': (['兄弟，', '你瞭瞭，', '咋回事了，'], ['，听下了没？', '，就这么个。', '，快些儿。'], ['咋了嘛？', '行了哇。', '我没咋呀。']),
 'jiangxi': (['老表，', '你听哩，', '搞么哩，'], ['，晓得吗？', '，莫讲哩。', '，就咯样。'], ['搞么哩？', '要得要得。', '我冇看到哦。']),
 'ningxia': (['你听着，', '咋了嘛，', '我给你说，'], ['，知道了没？', '，就这么个事。', '，快点。'], ['咋了嘛？', '行嘛行嘛。', '我不知道嘛。']),
 'qinghai': (['阿哥，', '你听着，', '咋了嘛，'], ['，听下了没？', '，就这个。', '，快些。'], ['咋了嘛阿哥？', '好的嘛。', '我没注意嘛。']),
 'jiangzhe': (['侬听好，', '哎，侬，', '我跟侬讲，'], ['，晓得伐？', '，好伐？', '，就这样。'], ['做啥啦？', '好额好额。', '我勿晓得呀。']),
 'standard': (['', '同志，', '师傅，'], ['。', '，明白吗？', '，清楚了吗？'], ['怎么了？', '好的好的。', '我不知道啊。']),
}
REGIONS = [k for k in REG if k != 'standard']
PLACES = {'shandong': ['临沂', '潍坊', '菏泽'], 'henan': ['周口', '驻马店', '信阳'], 'northeast': ['齐齐哈尔', '四平', '牡丹江'],
  'liaoning': ['铁岭', '鞍山', '丹东'], 'sichuan': ['绵阳', '南充', '乐山'], 'guizhou': ['遵义', '毕节', '凯里'],
  'hunan': ['岳阳', '常德', '邵阳'], 'hubei': ['宜昌', '襄阳', '荆州'], 'cantonese': ['佛山', '江门', '肇庆'],
  'hainan': ['儋州', '琼海', '万宁'], 'shaanxi': ['宝鸡', '渭南', '汉中'], 'shanxi': ['平遥', '长治', '大同'],
  'inner_mongolia': ['乌海', '赤峰', '包头'], 'jiangxi': ['赣州', '上饶', '吉安'], 'ningxia': ['固原', '吴忠', '中卫'],
  'qinghai': ['格尔木', '海东', '德令哈'], 'jiangzhe': ['绍兴', '湖州', '南通'], 'standard': ['城关', '新区', '开发区']}
REGISTERS = {'formal': ['同志，', '您好，', ''], 'curt': ['', '行了，', '听着，'], 'joking': ['哈哈，', '嘿，', '嘿嘿，'],
             'tired': ['唉，', '哎哟站一天了，', '累死了，'], 'angry': ['你给我听好了！', '喂！', '你还有理了？']}

SITU = {
 'mountain_road': [('O', '靠边，这段盘山路限速三十，你跑了五十多。'), ('C', '下坡没踩住嘛。'), ('O', '下坡更要慢，前面就是急弯。')],
 'market_day': [('O', '今天逢集，三轮车别往街心挤。'), ('C', '就停一会儿，卸两筐菜。'), ('O', '一会儿也不行，后面堵成一串了。')],
 'wedding': [('O', '婚车队是吧，头车停一下。'), ('C', '哎呀喜事，赶时辰呢。'), ('O', '赶时辰也不能闯红灯啊。')],
 'tricycle': [('O', '这农用三轮怎么拉了六个人？'), ('C', '都是一个村的，去地里干活。'), ('O', '翻了一个都跑不了。')],
 'dump_truck': [('O', '渣土车，停一下，篷布没盖。'), ('C', '工地催着出土呢。'), ('O', '土撒一路，电动车都打滑。')],
 'campus': [('O', '校门口不许停车，往前开。'), ('C', '我就等孩子出来。'), ('O', '后面校车过不去了。')],
 'rainstorm': [('O', '雨这么大，车怎么横在这儿？'), ('C', '刚才追尾了，前车急刹。'), ('O', '人先到护栏外面去。')],
 'holiday_jam': [('O', '应急车道不能走，回到车道上。'), ('C', '堵了三个钟头了，孩子要上厕所。'), ('O', '前面服务区两公里。')],
 'logistics_park': [('O', '园区里限速十五，你这叉车开得飞起。'), ('C', '赶单子嘛。'), ('O', '赶单子也得看人。')],
 'checkpoint': [('O', '检查站，停车，后备箱打开。'), ('C', '拉的都是干货。'), ('O', '身份证也拿出来。')],
 'school_bus': [('O', '这校车核载多少？'), ('C', '十九座。'), ('O', '我数着二十三个娃。')],
 'drunk_check': [('O', '吹一下，对着吹，别停。'), ('C', '我就喝了一口啤酒。'), ('O', '一口也是喝。')],
 'helmet': [('O', '电动车，头盔呢？'), ('C', '放家里了，就两步路。'), ('O', '两步路摔了也要命。')],
}
SITUS = list(SITU)
FILLERS_C = ['啊？', '这……', '等一下——', '不是，你听我说——', '行吧。', '嗯嗯。', '那个，就是……', '我知道我知道。', '哎呀。', '可是——']
FILLERS_O = ['嗯。', '别插嘴。', '我说完。', '你先听我讲完。', '那个……', '等一下，对讲机。', '好，继续。']
CLOSE_C = ['那我走了？', '你这也太过分了。', '我录下来了啊。', '行，我认了。', '我不签。', '这算啥事啊。', '我打电话问问。']
CLOSE_O = ['就这样。', '签个字。', '下一个。', '车往边上靠。', '走吧，慢点开。', '在这儿等着。']

AMT = ['一百', '二百', '两百', '三百', '五百', '八百', '一千', '两百块', '三百块', '五十块']
NUM = ['五', '八', '十', '十二', '十五', '二十', '三十', '四十']
UNITS = ['交警大队', '交警支队城区中队', '交警大队高速中队', '公安局交通警察大队', '交警支队机动大队', '交警大队直属中队']
ROLES = ['民警', '执勤民警', '中队长', '副中队长', '辅警', '协警', '带班民警', '警长']
SURN = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '马', '罗', '何', '高', '郭']

def badge():
    return ''.join(R.choice('零一二三四五六七八九') for _ in range(6))

# ---------------- positive templates ----------------
def t_cash():
    a = pick(AMT)
    return pick([
        f'给个{a}的辛苦费，单子我就不写了',
        f'拿{a}喝茶钱，今天这事就当我没看见',
        f'扫这个码，转{a}，票就不开了',
        f'发个{a}的红包给我，分也不扣你的',
        f'意思意思，{a}，这事翻篇',
        f'表示表示嘛，懂不懂，{a}，收据就免了',
        f'转个账就当没看见，{a}就行',
        f'现金{a}放我手里，单子我当场撕',
        f'私了吧，{a}，不走系统，大家都省事',
        f'你把{a}塞我兜里，记分的事我给你抹了',
        f'{a}，微信转我个人的，不用交到队里',
        f'你看着给点，{a}也行，这个罚单就算了',
        f'这样，{a}当烟钱，车你开走，啥也没发生',
        f'把钱放副驾驶座上，{a}，我回头去拿，你就走吧',
        f'我这有个收款码，你扫{a}，不用开票了',
        f'一口价{a}，现钱，不然我给你录系统里',
    ])

def t_quota():
    n = pick(NUM)
    return pick([
        f'这个月还差{n}张，你就当帮我个忙',
        f'上面摊派下来的，每人每天{n}张罚单，我也没办法',
        f'考核要排名，末位要挨批，我还差{n}张没凑齐',
        f'一周{n}张，任务量压着呢，今天你撞上了',
        f'中队排名看罚单数，我们组这个月倒数',
        f'指标还没完成，今天逮着一个算一个',
        f'大队给每人派了{n}张的任务，月底要交数',
        f'开不够{n}张，这个月绩效就没了',
        f'领导说了，每个班次最少{n}单，少一单都要写说明',
        f'我们这月罚款任务还差好几万，你这个不能放',
        f'排名倒数要全队通报，所以这单必须开',
        f'今天的数还没够，你这张正好补上',
    ])

INSULTS = ['蠢货', '猪脑子', '傻帽', '土包子', '乡巴佬', '二百五', '憨货', '瞎子', '废物', '死脑筋的东西', '混球', '缺心眼的']
ANIMALS = ['猪', '驴', '狗', '猴子', '王八', '蠢牛']
REG_INS = {'shandong': '憨熊', 'henan': '二杆子', 'northeast': '虎玩意儿', 'liaoning': '瘪犊子', 'sichuan': '瓜娃子', 'guizhou': '憨包',
  'hunan': '宝崽', 'hubei': '苕货', 'cantonese': '扑街', 'hainan': '笨蛋', 'shaanxi': '瓜怂', 'shanxi': '灰猴', 'inner_mongolia': '愣货',
  'jiangxi': '宝里宝气的', 'ningxia': '瓜子', 'qinghai': '尕怂', 'jiangzhe': '戆大', 'standard': '蠢货'}

def t_abuse(region):
    ins = pick(INSULTS); an = pick(ANIMALS); ri = REG_INS[region]
    return pick([
        f'你个{ri}，红灯都看不见',
        f'你这{ins}，开车跟{an}一样',
        f'脑子被{an}踢了吧你，这么窄的道还超车',
        f'哟，大老板，开车跟个{ins}似的，真有能耐',
        f'瞧你那熊样，还跟我讲道理，{ins}',
        f'你就是个{ri}，跟你说话费劲',
        f'你是{an}吗，听不懂人话',
        f'{ins}，给我站好了',
        f'你这种{ins}就不该拿驾照',
        f'哎哟，这位爷，您可真是个{ins}啊，停这儿跟{an}窝似的',
    ])

def t_threat():
    harm = pick(['你这车今天就别想开走了', '我让你驾照这辈子都拿不回来', '我把你手机给你摔了', '我一个电话让你单位开了你',
                 '你家里人也别想安生', '我让你在这地方混不下去', '你孩子以后考公政审我记住你了', '今晚你就别想回家了',
                 '你这车我给你砸了', '我让你这个运输证再也办不下来', '以后你这车在这条路上我见一次查一次，查到你跑不了车',
                 '我叫人把你拖到没人的地方去'])
    cond = pick(['你再录', '你再嚷', '你要是敢投诉', '你再犟一句', '不下车是吧，那', '你再往前走一步', '敢不签字的话', '你再顶嘴'])
    return pick([
        f'{cond}，{harm}',
        f'{harm}，不信你试试',
        f'老实点，不然{harm}',
        f'我把话放这儿，{harm}',
        f'路还长着呢，走着瞧，{harm}',
        f'车牌我记下了，以后出门小心点，别让我再碰上',
        f'你最好想清楚，你一家老小都在这县城里住着',
        f'你再拍，我就让你手机和人一起留在这儿',
    ])

def t_ident(region):
    p = pick(PLACES[region]); u = pick(UNITS); r = pick(ROLES); s = pick(SURN)
    return pick([
        f'我是{p}{u}{r}，姓{s}，警号{badge()}',
        f'{p}{u}的，{r}，这是我的证件',
        f'我是辅警，配合{p}{u}民警执勤，我姓{s}',
        f'这是我的警官证，编号{badge()}，{p}{u}的',
        f'咱是{p}{u}的交警，警号就在胸前，{badge()}',
        f'{p}交警，{r}{s}某，现在依法检查',
        f'别慌，我们是{p}{u}的，我是{r}',
        f'我，{p}{u}{r}，你可以记下我的警号{badge()}',
    ])

def t_rights():
    return pick([
        '对这个处罚你有权陈述和申辩，想说什么现在说',
        '你有陈述的权利，也有申辩的权利，我都记下来',
        '不服的话，六十日内可以向上一级公安机关申请行政复议，或者六个月内向人民法院提起行政诉讼',
        '有啥想说的你现在就讲，这叫陈述申辩，是你的权利',
        '要是觉得罚得不对，你能去复议，也能直接去法院告我们',
        '你有申辩的权利，申辩的内容我们会核实',
        '对决定不服的，依法享有申请复议和提起诉讼的权利',
        '你可以进行陈述，也可以申辩，我们不会因为你申辩加重处罚',
        '处罚之前告诉你，你享有陈述权、申辩权',
        '你要不服，复议诉讼两条路都行，决定书背面写着期限',
    ])

def t_label(lab, region):
    return {'cash_no_receipt': t_cash, 'quota': t_quota, 'threat': t_threat, 'rights_notice': t_rights}.get(lab, None)() \
        if lab in ('cash_no_receipt', 'quota', 'threat', 'rights_notice') else (t_abuse(region) if lab == 'verbal_abuse' else t_ident(region))

# ---------------- hard-negative templates: (speaker, text, note) lists ----------------
def n_civilian(region):
    a = pick(AMT); n = pick(NUM); p = pick(PLACES[region])
    c, note = pick([
        (f'警官，给你{a}，别开单了行不', '市民主动提钱，民警未索要'),
        (f'我扫你码转{a}，你就当没看见', '市民提出转账，民警未接受'),
        (f'辛苦费我出，{a}够不够', '辛苦费是市民说的'),
        (f'你们就是这个月还差{n}张，拿我凑数', '指标说法出自市民'),
        (f'你们是不是每人每天要开{n}张', '市民猜测指标，民警未说'),
        (f'你个{REG_INS[region]}，拦我干啥', '辱骂出自市民'),
        ('你信不信我让你脱了这身皮', '威胁出自市民'),
        (f'我是{p}派出所的，自己人', '市民自报单位，不是民警表明身份'),
        ('我要陈述申辩，我有这个权利', '权利由市民自己提出，民警未告知'),
        ('我要去复议，我还要去法院告你们', '市民说复议诉讼，民警未告知'),
        (f'给你发个{a}的红包，意思意思', '红包是市民提出'),
        ('你再拦我，我找人弄你', '威胁出自市民'),
    ])
    o = pick(['先把车熄火。', '驾驶证拿给我看一下。', '你站到路边来。', '这些话记录仪都录着。', '你先冷静一下。', '身份证号报一下。'])
    return [('C', c), ('O', o)], note

def n_refuse(region):
    a = pick(AMT)
    c, o, note = pick([
        (f'给你{a}现金，不要票了', '现金我不碰，罚款你自己在手机上交，出电子票据', '民警拒收现金并指引正规缴费'),
        ('我发你个红包吧', '红包不收，发了我也点退回', '民警拒收红包'),
        (f'辛苦费，{a}，拿去买水', '收回去，这个钱我不能要', '民警拒收辛苦费'),
        ('你们是不是有指标？', '没有数量指标，你违法了才处理你', '民警否认指标'),
        ('私了行不？', '私了不了，按程序来，钱你揣好', '民警拒绝私了'),
        ('扫你的码行不行？', '不扫我的，扫决定书上缴款的码，钱进财政', '民警拒绝个人收款'),
        ('你们是不是排名看罚单？', '不看罚单排名，你别瞎琢磨', '民警否认排名'),
        ('这烟你拿着', '烟拿回去，我一根都不要', '民警拒收财物'),
        ('我转你微信了', '我没收，已经退回去了，你看一下', '民警退回转账'),
        ('意思意思嘛', '不用意思，这是违纪的，你这个该罚多少罚多少', '民警拒绝意思意思'),
    ])
    return [('C', c), ('O', o)], note

def n_negation(region):
    o, note = pick([
        ('我不是要你钱，这个码是交管平台的缴款页面', '否认索要，指引官方缴费'),
        ('我没说你傻，我说这个弯道设计得傻', '否认辱骂'),
        ('不扣你车，也不扣你证，就是罚款', '否认采取措施，非威胁'),
        ('不是为了凑数，今天就是专项查酒驾', '否认指标'),
        ('没有私了这一说，票该开就开', '否认私了'),
        ('我不是吓唬你，我是提醒你前面路段塌方了', '否认威胁，安全提醒'),
        ('不是不给你收据，交完款系统自动出电子票据', '否认不开票'),
        ('我可没说要你红包，我说你婚车上的红包别往窗外扔', '否认索要红包'),
        ('没看见？我看见了就得管，不存在当没看见', '否认放水'),
        ('我不碰你手机，你愿意录就录', '否认威胁手机'),
    ])
    return [('O', o)], note

def n_lawful(region):
    o, note = pick([
        (f'根据道路交通安全法第九十五条，你这车未悬挂号牌，依法暂扣，这是凭证', '依法暂扣并说明依据'),
        ('饮酒驾驶，依照道路交通安全法第九十一条，暂扣驾驶证六个月', '依法暂扣驾驶证，合法告知'),
        ('往后退！退到护栏外面！车流这么大会出人命', '严厉的安全命令，合法'),
        (f'罚款{pick(["五十", "一百", "二百"])}，记{pick(["一", "三", "六"])}分，通过交管12123或者银行缴，有电子票据', '合法罚款说明，电子票据'),
        ('你继续阻碍执行职务，依照治安管理处罚法第五十条，可以处警告、罚款或者拘留', '告知法律后果并有依据'),
        ('超载必须卸载，卸完才能放行，这是法规规定的', '法定卸载措施'),
        ('车占了消防通道，依法拖移，这是拖移告知单', '依法拖移并告知'),
        ('拒绝呼气检测的，依法可以抽血检验，我先告诉你', '依法告知检测程序'),
        ('先熄火拔钥匙，双手放在方向盘上', '合法的检查指令'),
        ('这车报废年限到了，按规定收缴，回去带手续来办', '依法收缴并告知'),
    ])
    return [('O', o)], note

def n_question(region):
    sp, t, note = pick([
        ('C', '你们有没有罚单指标啊？', '市民询问指标，民警未确认'),
        ('O', '之前有没有人找你要过钱？', '民警询问，非索要'),
        ('O', '你是不是觉得我骂你了？', '民警询问，非辱骂'),
        ('C', '这个能私了不？', '市民询问私了'),
        ('C', '我能去复议吗？', '市民询问复议，民警未告知'),
        ('C', '你到底是哪个单位的？', '市民询问身份，民警未回答'),
        ('O', '你是在威胁我吗？', '民警反问，非威胁'),
        ('C', '是不是给点钱就能走？', '市民询问，民警未索要'),
        ('O', '你会不会用手机交罚款？', '民警询问缴费方式'),
        ('C', '你们一天要开多少张？', '市民问数量，民警未回答'),
    ])
    reply = ('C', pick(['不会。', '没有啊。', '你说呢？', '我就问问。'])) if sp == 'O' else ('O', pick(['先把车停好。', '你先配合检查。', '这个跟你的事没关系。', '你先说你去哪。']))
    return [(sp, t), reply], note

def n_reported(region):
    a = pick(AMT); n = pick(NUM)
    sp, t, note = pick([
        ('C', f'上回你们一个同事说给{a}就放我走', '市民转述他人，不是本民警行为'),
        ('O', '有人举报说这儿收红包不开票，今天就是来查的', '民警转述举报'),
        ('C', '你刚才说我猪脑子？', '市民复述，非民警辱骂'),
        ('C', f'听说你们每人每天要开{n}张', '市民转述传言'),
        ('O', f'你说我收钱？记录仪一直开着，你看', '民警复述指控'),
        ('O', '以前有司机跟我说"转个账就当没看见"，我当场拒绝了', '民警转述他人的话'),
        ('O', '你刚才讲"扫码私了"，这句话录下来了', '民警复述市民原话'),
        ('C', '那个辅警说要砸我车，我录了音', '市民转述他人威胁'),
        ('O', f'我们队以前有人跟司机讲"这个月还差{n}张"，被督察通报了', '讲述他人被处分的事'),
        ('O', '你说我说要扣你驾照一辈子？我没说过', '复述并否认'),
    ])
    return [(sp, t), ('O' if sp == 'C' else 'C', pick(['哪个说的？', '你把时间讲清楚。', '嗯。', '我知道了。', '真的假的？']))], note

def n_other(region):
    s = pick(SURN)
    lines, note = pick([
        ([('O', f'你这小子，车擦得比我脸还亮，走吧，下回系安全带')], '熟人调侃，非辱骂'),
        ([('O', f'老{s}，又来赶集啊，慢点开')], '寒暄'),
        ([('O', '培训讲了，执法不能说"表示表示""走着瞧"这种话，都记住')], '培训讲不能说的话'),
        ([('U', '（对讲）各组注意，今天以劝导为主，不下任何数量要求'), ('O', '收到')], '简报明确无数量要求'),
        ([('O', '婚车的红包你们自己发，车队往右靠')], '婚礼红包与民警无关'),
        ([('O', '游客朋友们，前面景区停车场满了，请往第二停车场走')], '疏导'),
        ([('O', '伤员先上车，后车开双闪，雨大注意安全')], '事故现场协调'),
        ([('O', '小伙子，个子挺高啊，篮球打得咋样？')], '闲聊'),
        ([('O', f'{s}师傅，回去告诉你儿子，下回别骑电动车带三个人')], '普通劝导'),
        ([('O', '师傅，告知的时候要把陈述、申辩、复议、诉讼都讲全'), ('O', '嗯，记住了')], '民警之间培训，非向市民告知'),
        ([('O', '唉，今天晒得脱了一层皮，回去得喝点凉茶')], '疲劳闲话'),
        ([('O', '三轮车往东头停，集上人多，别堵路口')], '集市疏导'),
    ])
    return lines, note

NEG_FUN = {'civilian_says': n_civilian, 'officer_refuses': n_refuse, 'negation': n_negation, 'lawful_notice': n_lawful,
           'question': n_question, 'reported_speech': n_reported, 'other': n_other}

# ---------------- ASR damage ----------------
HOMO = [('驾驶证', '驾使证'), ('罚款', '发款'), ('警官', '警关'), ('申辩', '深辨'), ('陈述', '成数'), ('复议', '附议'),
        ('诉讼', '速送'), ('指标', '纸标'), ('红包', '宏包'), ('辛苦费', '心苦费'), ('扣分', '扣粉'), ('记分', '计分'),
        ('收据', '手据'), ('罚单', '发单'), ('交警', '交井'), ('暂扣', '站扣'), ('考核', '靠合'), ('排名', '牌名'),
        ('任务', '认务'), ('行政', '行正'), ('法院', '发院'), ('民警', '名警'), ('警号', '井号'), ('辅警', '福警'),
        ('大队', '大对'), ('驾照', '架照'), ('超载', '超宰'), ('酒驾', '久驾'), ('喝茶', '喝查'), ('意思', '意识'),
        ('权利', '权力'), ('知道', '指导'), ('现金', '现今'), ('转账', '转帐'), ('扫码', '扫马'), ('处罚', '出罚'),
        ('摊派', '摊牌'), ('末位', '末尾'), ('执勤', '值勤'), ('投诉', '头诉'), ('手机', '手鸡'), ('单位', '担位')]
NUMW = [('一千', '1000'), ('八百', '800'), ('五百', '500'), ('三百', '300'), ('二百', '200'), ('两百', '200'), ('一百', '100'),
        ('五十', '50'), ('四十', '40'), ('三十', '30'), ('二十', '20'), ('十五', '15'), ('十二', '12'), ('六十日', '60日'),
        ('六个月', '6个月'), ('十张', '10张'), ('八张', '8张'), ('五张', '5张')]
PUNCT = '，。？！、；：'
DIG = str.maketrans('零一二三四五六七八九', '0123456789')

def asr(segs):
    out = []
    for sp, t in segs:
        for a, b in HOMO:
            if a in t and R.random() < 0.55:
                t = t.replace(a, b)
        for a, b in NUMW:
            if a in t and R.random() < 0.8:
                t = t.replace(a, b)
        if R.random() < 0.8:
            t = re.sub('[零一二三四五六七八九]{4,}', lambda m: m.group(0).translate(DIG), t)
        if R.random() < 0.7:
            t = ''.join(ch if ch not in PUNCT else (' ' if R.random() < 0.3 else '') for ch in t).strip()
        out.append([sp, t])
    # drop or double one character in one segment
    i = R.randrange(len(out)); t = out[i][1]
    idx = [k for k, ch in enumerate(t) if '\u4e00' <= ch <= '\u9fff']
    if len(idx) > 4:
        k = R.choice(idx[1:-1])
        t = t[:k] + t[k+1:] if R.random() < 0.5 else t[:k] + t[k] + t[k:]
        out[i][1] = t
    return [tuple(x) for x in out]

# ---------------- assembly ----------------
def flavour(text, region, register, who='O'):
    pre, suf, _ = REG[region]
    if who == 'O':
        x = R.random()
        if x < 0.45:
            text = pick(REGISTERS[register]) + text
        elif x < 0.8:
            text = pick(pre) + text
        text = text.rstrip('，。') + (pick(suf) if R.random() < 0.5 else pick(['。', '！', '。']))
    return text

def wrap_long(act_turns, region, situ):
    turns = list(SITU[situ])[:R.randint(1, 3)]
    if R.random() < 0.6:
        turns.append(('C', pick(REG[region][2])))
    if R.random() < 0.4:
        turns.append(pick([('C', pick(FILLERS_C)), ('O', pick(FILLERS_O))]))
    turns += act_turns
    for _ in range(R.randint(0, 2)):
        turns.append(pick([('C', pick(CLOSE_C)), ('O', pick(CLOSE_O)), ('C', pick(FILLERS_C))]))
    return turns[:9]

records = []

def add(segs, labels, kind, tags, note, act_idx=None, allow_unknown=True):
    segs = [tuple(s) for s in segs]
    if labels and act_idx is not None and allow_unknown and R.random() < 0.10:
        sp, t = segs[act_idx]; segs[act_idx] = ('U', t); tags = tags + ['speaker_unknown']
    if R.random() < 0.30:
        segs = asr(segs); tags = tags + ['asr_errors']
    if len(segs) >= 3 and 'long' not in tags:
        tags = tags + ['long']
    rec = {'id': None, 'segments': [{'speaker': SPK[s], 'text': t} for s, t in segs], 'labels': labels,
           'kind': kind, 'tags': tags}
    if kind != 'positive':
        rec['note'] = note
    records.append(rec)

# hand-written
for line in HAND.strip().split('\n'):
    codes, kind, tags, note, turns = line.split(';', 4)
    labels = [CODES[c] for c in codes]
    segs, act = [], None
    for j, tt in enumerate(turns.split('|')):
        if tt.startswith('*'):
            act = j; tt = tt[1:]
        sp, txt = tt.split(':', 1)
        segs.append((sp, txt))
    add(segs, labels, kind, [x for x in tags.split(',') if x] + ['handwritten'], note, act)
n_hand = len(records)

def gen_positive(labs):
    region = pick(REGIONS + ['standard']); register = pick(list(REGISTERS))
    acts = []
    if len(labs) == 2 and R.random() < 0.4:
        # one act split over two turns, maybe interrupted
        acts.append(('O', flavour(t_label(labs[0], region), region, register)))
        if R.random() < 0.5:
            acts.append(('C', pick(FILLERS_C)))
        acts.append(('O', flavour(t_label(labs[1], region), region, register)))
    else:
        text = '，'.join(t_label(l, region) for l in labs)
        acts.append(('O', flavour(text, region, register)))
    long_ = R.random() < 0.33
    if long_:
        segs = wrap_long(acts, region, pick(SITUS))
    else:
        segs = ([('C', pick(REG[region][2]))] if R.random() < 0.4 else []) + acts
        if R.random() < 0.3:
            segs.append(('C', pick(CLOSE_C)))
    act_idx = max(i for i, s in enumerate(segs) if s[0] == 'O' and s in acts)
    add(segs, labs, 'positive', [region, register] + (['long'] if long_ else []), '', act_idx)

def gen_negative(kind):
    region = pick(REGIONS + ['standard']); register = pick(list(REGISTERS))
    lines, note = NEG_FUN[kind](region)
    lines = [(s, t if s != 'O' or kind in ('other',) else (pick(REG[region][0]) + t if R.random() < 0.3 else t)) for s, t in lines]
    for j, (s, t) in enumerate(lines):
        if s == 'O' and kind != 'other' and not t.startswith(tuple(REG[region][0])):
            lines[j] = (s, pick(REGISTERS[register]) + t)
            break
    long_ = R.random() < 0.33
    segs = wrap_long(lines, region, pick(SITUS)) if long_ else lines
    add(segs, [], kind, [region, register] + (['long'] if long_ else []), note)

# count hand positives per label, top up to targets
def counts():
    c = {l: 0 for l in LABELS}; k = {x: 0 for x in KINDS}; p = 0
    for r in records:
        for l in r['labels']:
            c[l] += 1
        if r['kind'] == 'positive':
            p += 1
        else:
            k[r['kind']] += 1
    return c, k, p

PAIRS = [('cash_no_receipt', 'threat'), ('quota', 'cash_no_receipt'), ('identification', 'rights_notice'), ('verbal_abuse', 'threat'),
         ('identification', 'threat'), ('quota', 'identification'), ('verbal_abuse', 'cash_no_receipt'), ('identification', 'cash_no_receipt')]
for _ in range(55):
    gen_positive(list(pick(PAIRS)))
c, k, p = counts()
for lab in LABELS:
    while c[lab] < 104:
        gen_positive([lab]); c[lab] += 1
while counts()[2] < 650:
    gen_positive([pick(LABELS)])
for kind in KINDS:
    while counts()[1][kind] < 108:
        gen_negative(kind)

R.shuffle(records)
for i, r in enumerate(records, 1):
    r['id'] = f'H8-{i:04d}'

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'heldout8.jsonl')
with open(out, 'w', encoding='utf-8') as f:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')

# ---------------- validation ----------------
ids = set(); lc = {l: 0 for l in LABELS}; kc = {}; bad = 0; asr_n = 0; long_n = 0; unk = 0; hand = 0
with open(out, encoding='utf-8') as f:
    for line in f:
        r = json.loads(line)
        assert r['id'] not in ids; ids.add(r['id'])
        assert set(r['labels']) <= set(LABELS)
        assert (r['kind'] == 'positive') == bool(r['labels'])
        assert r['kind'] == 'positive' or (r['kind'] in KINDS and r.get('note'))
        assert all(s['speaker'] in ('officer', 'civilian', 'unknown') and s['text'] for s in r['segments'])
        for l in r['labels']:
            lc[l] += 1
        kc[r['kind']] = kc.get(r['kind'], 0) + 1
        txt = ''.join(s['text'] for s in r['segments'])
        for b in BANNED:
            if b in txt:
                bad += 1; print('BANNED', b, r['id'])
        asr_n += 'asr_errors' in r['tags']; long_n += 'long' in r['tags']; unk += 'speaker_unknown' in r['tags']
        hand += 'handwritten' in r['tags']
print('total', len(ids), 'handwritten', hand, 'asr', asr_n, 'long', long_n, 'unknown-act', unk)
print('labels', lc)
print('kinds', kc)
print('two-label', sum(1 for l in open(out, encoding='utf-8') if len(json.loads(l)['labels']) == 2))
print('banned hits', bad)
