#!/usr/bin/env python3
"""Generator for the independent held-out corpus heldout7 (stdlib only, seeded)."""
# Hand-written exchanges for heldout7 (written out in full). Format per item:
# (kind, "label,label", "tag,tag", note, "O:...\nC:...\nU:...")
HAND = [
# ---------------- cash_no_receipt ----------------
("positive","cash_no_receipt","tianjin,colloquial,truck,toll_gate,curt","","O:介个车超载了，知道吗？\nC:师傅，就多了一丁点儿。\nO:一丁点儿也是超。嘛也别说了，五百块钱给我，单子不开了，倍儿省事。"),
("positive","cash_no_receipt","northeast,colloquial,night_checkpoint,long","","O:来，吹一下，使劲。\nC:呼——\nO:哎呀，二十几，饮酒驾驶啊老铁。\nC:大哥，就喝了一瓶啤的，咋整啊？\nO:咋整？你兜里有多少都掏出来，我今晚就当没测过你。\nC:就六百现金。\nO:行，搁这儿，走吧，别回头。"),
("positive","cash_no_receipt","fujian,ride_hailing,colloquial","","O:你这个是没有网约车证的厚，要罚一万的哦。\nC:警官，我刚跑两天。\nO:那这样子，你微信转我两千，我这边不录了，系统里查不到的。"),
("positive","cash_no_receipt","guangxi,ebike,joking","","O:老表，头盔呢？\nC:忘在店里了嘛。\nO:按规定罚你五十。你直接发个五十的红包给我，不用开单，省得你跑一趟。"),
("positive","cash_no_receipt","shanghai,parking,curt","","O:侬车子停在消防通道，晓得伐？\nC:马上开走，马上。\nO:贴条要两百，侬塞一百给我，我当没看到，快点开走。"),
("positive","cash_no_receipt","anhui,school_zone,colloquial","","O:接娃也不能停人行道上啊，可中？\nC:就停两分钟。\nO:这样吧，辛苦费给个一百，这单我就撕了。"),
("positive","cash_no_receipt","yunnan,tourist_rental,long","","O:你们外地来的，压实线了，要扣三分。\nC:我们不知道呀，车是租的。\nO:扣分租车公司要找你麻烦的咯。\nC:那怎么办？\nO:你给我表示表示，整个两百，这事就过去了。"),
("positive","cash_no_receipt","gansu,plate,colloquial","","O:号牌挡着呢，故意遮挡要扣十二分。\nC:是泥巴，不是故意的。\nO:十二分一下就没了。尕娃，你拿八百出来，分给你保住，不走程序。"),
("positive","cash_no_receipt","hebei,accident,long","","O:你这追尾全责，要认定书不？\nC:能快点处理就行。\nO:认定书一开你保险要涨。\nC:那咋弄？\nO:给我转三百，我给你写成对方全责，嘛事没有。"),
("positive","cash_no_receipt","cantonese,toll_gate,highway","","O:你这个车超速百分之三十几啊，好严重的。\nC:阿sir，我赶时间啦。\nO:算啦，你扫下我这个码，一千蚊，我就不录入了，搞掂。"),
("positive","cash_no_receipt","henan,truck,colloquial","","O:恁这车拉了多少吨？\nC:五十来吨。\nO:中，照规矩得卸货罚款。恁掏一千块，磅单不打了，直接走。"),
("positive","cash_no_receipt","self_correction,colloquial","","O:按规定要罚——算了算了，你拿两百块给我，就当罚过了，不开单。\nC:啊？那行。"),
("positive","cash_no_receipt","curt,fragments,night_checkpoint","","O:现金……有吧？三百。收据别问。走吧。"),
("positive","cash_no_receipt,identification","auxiliary,overstep,colloquial","","O:我是辅警，民警在那头。你那个事我能帮你抹了，给我二百烟钱就行。\nC:真能抹？"),
("positive","cash_no_receipt","unknown_speaker,ride_hailing","","C:我这单是顺路的。\nU:转个账，就当我没看见，五百。"),
("positive","cash_no_receipt","tired,night_checkpoint","","O:喝茶钱总要给点吧，大冷天站这一宿，兄弟们也不容易。你懂的，单子我就不填了。"),
("positive","cash_no_receipt","shandong,parking,long","","O:恁这车停这儿弄啥嘞？\nC:俺就买个烧饼。\nO:贴条一百五。\nC:恁行行好。\nO:中，恁给俺扫个五十，条就不贴了。"),
# ---------------- quota ----------------
("positive","quota","tired,colloquial","","O:不好意思啊，这个月我们组还差四十多张，你就当帮个忙。\nC:帮忙？我这罚款谁帮我？"),
("positive","quota","briefing,curt","","O:都听好了，今天每人至少十五张头盔罚单，晚上回来报数，少一张扣一百。"),
("positive","quota","tired","","O:我也不想罚你，考核卡着呢，大队每周排名，倒数第一要写检查。"),
("positive","quota","sichuan,ebike","","O:莫得办法，上头摊派的任务量，一个人一天二十张，开不够要挨批评。"),
("positive","quota","northeast,curt,angry","","C:我就压了一下线！\nO:整啥呢整，我这月排名末位了，抓一个是一个。"),
("positive","quota","shaanxi,colloquial","","O:额给你说实话，这周还差十几张单子，你嫑怪额。"),
("positive","quota","hubei,colloquial","","C:你们罚得也太狠了。\nO:你搞么事嘛，我们一周要交三十张单，冇得法子。"),
("positive","quota","shanghai,parking","","O:阿拉中队这个月指标是八百张，侬运气不好。"),
("positive","quota","night_checkpoint,formal","","O:今天查酒驾是有数的，每个卡点起码抓三个，不然所长那关过不去。"),
("positive","quota","two_officers,long","","O:还差几张？\nO:七张。\nC:你们商量啥呢？\nO:没你事。——那就这个路口蹲着，五点前必须凑齐。"),
("positive","quota","colloquial","","O:开单数直接跟绩效挂钩，多开一张多五十，你说我罚不罚你。"),
("positive","quota","jiangzhe,formal","","O:侬晓得伐，这个季度考核，违停抓拍要完成两千条。"),
("positive","quota","tianjin,angry","","C:你这是乱罚！\nO:嘛叫乱罚？介是任务，每个岗每天二十个数，少了挨骂。"),
("positive","quota","formal,ebike","","O:电动车这块，局里给我们中队下了五百张的量，一个月。"),
("positive","quota","guangxi,tired","","O:老表，不是我要搞你，月底要排名的，我排倒数第二。"),
("positive","quota","unknown_speaker,curt","","U:今天还差三张，随便哪个闯红灯的都行。"),
# ---------------- verbal_abuse ----------------
("positive","verbal_abuse","sichuan,angry,school_zone","","O:你个瓜娃子，斑马线上有娃娃你都不让，脑壳有包哦？"),
("positive","verbal_abuse","northeast,angry","","C:我没逆行，那是掉头。\nO:你虎啊？逆行还跟我犟，瞅你那彪样。"),
("positive","verbal_abuse","shanghai,angry","","O:小赤佬，开个车横冲直撞的，侬啥人啦？"),
("positive","verbal_abuse","cantonese,angry","","O:你个扑街，红灯都冲，你以为你系赛车手咩？"),
("positive","verbal_abuse","hubei,ebike","","O:你个苕货，头盔挂在车把上有么用？"),
("positive","verbal_abuse","shaanxi,parking","","O:瓜怂，车停到人家门口，你咋想的？"),
("positive","verbal_abuse","henan,tired","","O:恁这人真是个憨子，跟你说三回了还听不懂？"),
("positive","verbal_abuse","sarcastic","","O:哟，大老板，开个奔驰就了不起了？交通法是给你写的吗，大聪明？"),
("positive","verbal_abuse","animal","","O:你开车跟头猪一样，拱来拱去的。"),
("positive","verbal_abuse","angry,elderly_civilian","","C:我骑三轮的，慢着呢。\nO:老不死的，骑个三轮还闯红灯。"),
("positive","verbal_abuse","truck,animal","","O:你是不是脑子进水了，拉这么多货，不要命了，蠢驴一头。"),
("positive","verbal_abuse","tianjin,angry","","O:介孙子还敢跑？你个二百五。"),
("positive","verbal_abuse","yunnan,night_checkpoint","","O:你这个憨包，整哪样嘛，醉成这样还开车。"),
("positive","verbal_abuse","gansu,animal","","O:你个瓜娃子一样的，说了不听，跟头犟驴似的。"),
("positive","verbal_abuse","fujian,animal","","O:你是没脑子的哦，开个车像只鸭子一样乱晃。"),
("positive","verbal_abuse","self_correction","","O:你这个废——你这人怎么回事，废物一样。"),
# ---------------- threat ----------------
("positive","threat","angry,phone","","C:我拍着呢，你别过来。\nO:你再拍一下试试，手机给你摔了，人给你带走。"),
("positive","threat","toll_gate,vehicle","","O:不签是吧？行，今天这车别想开出这个收费站，明天拖走拆了。"),
("positive","threat","northeast,veiled","","O:跟我嘚瑟？我记住你车牌了，往后你在这片跑一回我查一回。"),
("positive","threat","ride_hailing,job","","O:你是开网约车的吧？平台那边我打个招呼，你这号就别想用了。"),
("positive","threat","school_zone,family,veiled","","O:你家孩子在前面那个小学吧？你要是再闹，我看你以后还接不接得了孩子。"),
("positive","threat","job","","O:你公务员吧？行啊，我明天就给你们单位打电话，看你这饭碗还保不保得住。"),
("positive","threat","sichuan,licence","","O:你莫跟我扯，再扯我让你驾照一辈子都拿不回来。"),
("positive","threat","henan,angry","","O:恁要是不下车，我叫人把恁玻璃砸了拽出来。"),
("positive","threat","cantonese,vehicle","","O:你够胆再讲一句？我即刻叫人锁你部车，睇你点返屋企。"),
("positive","threat","veiled","","O:这条路天天走吧？路上小心点，哪天出点啥事可别怪我没提醒。"),
("positive","threat","night_checkpoint","","O:老实交代，不然我让你在里面蹲半个月，你信不信。"),
("positive","threat","auxiliary,overstep,ebike","","O:你再顶嘴，我就把你电动车充公，你找谁都没用。"),
("positive","threat","hebei,future","","O:你以后不想在这县城混了是不是？"),
("positive","threat","phone","","O:把那个手机收起来，我数三声，不收我就扣了当证物，你别想要回去。"),
("positive","threat","shandong,vehicle","","O:恁再胡搅蛮缠，俺让恁这车在停车场停到生锈。"),
("positive","threat","anhui,future","","O:你这样闹，我把你名字报上去，以后考证、贷款都有你好看的。"),
# ---------------- identification ----------------
("positive","identification","formal,tianjin","","O:您好，天津市公安交通管理局河西支队民警，警号一二零三四五，现依法对您的车辆进行检查。"),
("positive","identification","toll_gate,highway","","O:我们是高速交警三大队的，这个收费站今晚联合检查。"),
("positive","identification","auxiliary","","O:辅警小王，跟着李警官执勤的，您有事可以找他。"),
("positive","identification","badge,curt","","O:这是我的证件，看清楚，编号在上面。"),
("positive","identification","parking","","O:我姓赵，城区中队的交警，执法记录仪在录。"),
("positive","identification","cantonese","","O:我哋系交警支队嘅，唔使惊，例行检查啫。"),
("positive","identification","shandong,night_checkpoint","","O:俺是县交警大队的，恁别紧张，查个酒驾。"),
("positive","identification","badge","","O:胸前这个号码就是我的警号，有问题可以打一二二投诉。"),
("positive","identification","formal,parking","","O:市公安局交警支队秩序科，负责这一片的违停治理。"),
("positive","identification","formal","","O:你好，我是这个路口的执勤民警，请你配合。"),
("positive","identification","curt,fragments","","O:交警。三中队。例行检查。"),
("positive","identification","yunnan,tourist_rental","","O:我们是州交警支队的，你们租的车先靠边一下咯。"),
("positive","identification","auxiliary,honest","","O:我是协警，不是正式民警，开单得等民警来，你先等会儿。"),
("positive","identification","gansu,highway,badge","","O:我是高速交警，工号在胸牌上，你看一下。"),
("positive","identification","unknown_speaker,accident","","C:你们可来了！\nU:您好，交警二大队，我们接到报警说这里有事故。"),
("positive","identification","self_correction,accident","","O:我是派出——不是，我是交警大队事故科的，这起事故归我们管。"),
# ---------------- rights_notice ----------------
("positive","rights_notice","formal","","O:根据《行政处罚法》，在作出处罚决定前，您有权进行陈述和申辩，现在就可以提出。"),
("positive","rights_notice","formal","","O:对这个决定不服，你六十天内可以向市政府申请行政复议，或者六个月内向法院起诉。"),
("positive","rights_notice","colloquial,spoken","","O:有啥要说的你就说，你说的理由我都给你记上，这叫申辩，是你的权利。"),
("positive","rights_notice","shandong,colloquial","","O:恁要是觉得罚得不对，能去复议，还能告俺们，中不中？"),
("positive","rights_notice","northeast,colloquial","","O:你觉得冤呢，就说道说道，陈述申辩那都是你的权利，咱给你记上。"),
("positive","rights_notice","formal","","O:处罚决定书背面写着，不服可以复议或者诉讼，期限你自己看一下。"),
("positive","rights_notice","tired,partial","","O:行了，你要申辩就写在这儿，写完签字。"),
("positive","rights_notice","cantonese","","O:你有权陈述同埋申辩嘅，唔服可以申请复议。"),
("positive","rights_notice","formal","","O:我先告知你啊，你有陈述权、申辩权，听明白了吗？\nC:明白了。"),
("positive","rights_notice","colloquial","","O:这个罚款你要是不认，就去行政复议，复议不服再去打官司。"),
("positive","rights_notice","sichuan","","O:你要是觉得冤枉，要得，你可以申辩，说清楚，我们听。"),
("positive","rights_notice","partial","","O:你要打官司也行，行政诉讼，法院立案，这是你的权利。"),
("positive","rights_notice","shanghai","","O:侬有陈述、申辩的权利，侬讲好了我再填单子。"),
("positive","rights_notice","henan","","O:恁有意见就说，这叫陈述申辩，说完了俺再决定。"),
("positive","rights_notice","unknown_speaker","","U:你对处罚有异议可以当场申辩，事后还能复议。"),
("positive","rights_notice","partial,formal","","O:复议的话去区政府，诉讼的话去区法院，地址这上面都有。"),
# ---------------- two or more labels ----------------
("positive","identification,rights_notice","formal","","O:我是交警二中队的张某，警号零八一二，现在告知你，你有陈述和申辩的权利。"),
("positive","verbal_abuse,cash_no_receipt,threat","angry,one_breath","","O:你个憨货，把钱掏出来，三百，不然车给你扣了。"),
("positive","quota,verbal_abuse","angry","","O:本月指标还差好几十，你这样的我不罚罚谁？你这个蠢货，签字！"),
("positive","cash_no_receipt,threat","curt,parking","","O:要么转我五百，要么车拖走你自己去停车场哭。"),
("positive","identification,threat","auxiliary,overstep,ebike","","O:我是辅警，但这儿我说了算。你再啰嗦，电瓶车我直接拉走。"),
("positive","quota,cash_no_receipt","tired","","O:没完成任务我们都得挨骂，你就识相点，给个两百私了。"),
("positive","identification,verbal_abuse","parking","","O:交警支队的，这是我证件。你这个老糊涂，车停这里？"),
("positive","rights_notice,threat","veiled","","O:你有权复议，但我劝你别去，去了我让你驾照年审都过不了。"),
("positive","quota,verbal_abuse","school_zone,animal","","O:今天每人十张，你就是第十张，王八蛋你还跑。"),
("positive","cash_no_receipt,threat","ride_hailing,long","","O:车停这边。\nC:怎么了警官？\nO:扫码转给我个人，我保证不开单；你要是敢往外说，你这车以后别想上路。\nC:……好吧。"),
# ---------------- civilian_says ----------------
("civilian_says","","colloquial","司机说民警冲业绩，民警没提指标","C:我知道你们月底要冲业绩，罚吧罚吧。\nO:先把车熄火。"),
("civilian_says","","angry","辱骂出自群众，民警没有骂人","C:你个黑狗子，凭啥拦我？\nO:请你冷静，配合检查。"),
("civilian_says","","formal","是群众自报单位施压，不是民警表明身份","C:我是市政府办公室的，你掂量掂量。\nO:不管哪个单位，违停就按规定处理。"),
("civilian_says","","angry","威胁出自群众","C:信不信我投诉到你们大队，让你这身衣服穿不成？\nO:可以投诉，电话在这张告知单上。"),
("civilian_says","","angry","陈述申辩复议是司机自己喊的，民警没有告知","C:我要申辩！我要复议！我要告你们！\nO:好，先签收，其他的你按单子上的程序走。"),
("civilian_says","","shandong,colloquial","红包是司机提的，民警没接","C:俺给恁发个红包，恁就当没看见，中不中？\nO:把手机放下，先停好车。"),
("civilian_says","","sichuan","骂人的是群众","C:你们这些人莫得良心，就晓得罚钱。\nO:你的意见我记下了，先把头盔戴上。"),
("civilian_says","","ride_hailing","报工号的是网约车司机","C:我是滴滴司机，工号三四五六，平台认证过的。\nO:行，网约车运输证拿出来看看。"),
("civilian_says","","cantonese","给钱是司机说的","C:阿sir，我畀你五百蚊，唔好抄牌啦。\nO:先熄火，落车。"),
("civilian_says","","angry","威胁出自群众","C:你再拦我，我叫我表哥过来收拾你，他在局里。\nO:你表哥是谁都一样，把车钥匙拔了。"),
("civilian_says","","northeast,angry","骂人的是司机","C:整啥呢整，你个傻狍子，没看见我有急事？\nO:有急事也不能逆行。"),
("civilian_says","","colloquial","自报部队身份的是群众","C:我跟你说，我也是当兵出身，部队的，你别跟我来这套。\nO:哦，那更应该守规矩。"),
("civilian_says","","colloquial","群众说交警收钱，民警说明合法缴款","C:你们交警就是收钱的，扫个码就完事了是吧？\nO:罚款缴到银行或者网上，系统里能查。"),
("civilian_says","","henan","排名是司机说的","C:俺知道恁这排名靠后，今天找俺凑数呢？\nO:监控拍着呢，你自己看屏幕。"),
("civilian_says","","formal","司机要求陈述，民警未作权利告知","C:我不服，我要陈述，我要申辩！\nO:你讲，我听着。"),
("civilian_says","","shanghai,angry","骂人的是司机","C:侬只赤佬，帮我等着。\nO:请注意文明用语。"),
# ---------------- officer_refuses ----------------
("officer_refuses","","night_checkpoint,long","民警拒收现金","O:吹气，再来一次。\nC:大哥，这五百你拿着，就当我请兄弟们吃夜宵。\nO:拿回去！再塞我就按行贿处理了。酒驾该怎么走程序就怎么走。\nC:……"),
("officer_refuses","","formal","民警指向财政缴款码并有电子票据，不是收给自己","C:扫你这个码给你转过去行不？\nO:不是扫我的，是扫罚款通知书上这个码，钱进的是财政账户，电子票据自动发你手机上。"),
("officer_refuses","","curt","民警否认有指标","C:你们这个月任务完成了吗？\nO:没有什么任务不任务的，你违法了才罚你。"),
("officer_refuses","","sichuan","民警拒收红包","C:给你发个红包嘛，要得不？\nO:莫得这种说法，红包收起来。"),
("officer_refuses","","formal","民警拒绝经手现金","C:要不我现金给你，你帮我交？\nO:我不经手钱，你自己去银行或者手机上交，收据你自己留着。"),
("officer_refuses","","northeast","民警拒绝烟钱","C:老弟，整点烟钱，咱别开单了。\nO:别整这个，开单是开单，烟你自己留着抽。"),
("officer_refuses","","formal","民警否认罚单考核","O:外面说我们有开单任务，那是瞎传的，考核看的是事故率，不看罚单数。"),
("officer_refuses","","cantonese","民警拒收饮茶钱","C:阿sir，饮茶钱我出啦。\nO:唔使，唔收，你签咗名就得。"),
("officer_refuses","","parking","民警拒绝微信收款","C:我转你微信吧，方便。\nO:我的微信不收罚款，通知书上有缴费方式，电子票据能打印。"),
("officer_refuses","","henan","民警拒收钱","C:中不中，给恁二百，这事拉倒。\nO:不中，钱不能给我，罚单照开，恁回头网上交。"),
("officer_refuses","","briefing","简报里强调没有数量要求","O:强调一下，咱们没有任何罚款数量要求，别在群众面前说什么任务。"),
("officer_refuses","","formal","排名不按罚款，民警否认","C:你们是不是排名靠后才来这儿蹲点？\nO:排名是按事故下降率排的，跟罚多少钱没关系。"),
("officer_refuses","","tianjin","民警拒收","C:介两百您拿着，买包烟。\nO:嘛呢嘛呢，拿回去，别害我。"),
("officer_refuses","","accident","民警拒绝私了收钱","C:私了吧，多少钱你说。\nO:没有私了这一说，事故按程序处理，保险公司来定损。"),
("officer_refuses","","yunnan,tourist_rental","民警拒收礼物","C:警官，这个是我们的心意，一点土特产。\nO:不要不要，东西拿走，该罚的按规定罚。"),
("officer_refuses","","colloquial","民警拒绝转账消分","C:要不我给你账户转，你帮我消个分？\nO:消分？我没这个权限，也不会收你一分钱。"),
# ---------------- negation ----------------
("negation","","colloquial","否认要钱，说明去银行交","O:我没说要你的钱，我是说罚款要去银行交。"),
("negation","","joking","否认骂人，只是说开得快","O:我不是骂你，我是说这车开得太猛了，跟飞似的。"),
("negation","","formal","否认扣车","O:不是要扣你的车，你把证件补齐就能开走。"),
("negation","","formal","否认威胁，只是告知监控","O:我没威胁你，我只是告诉你再不挪车监控会继续拍。"),
("negation","","colloquial","否认排名","O:我们不搞什么排名，别听他们瞎说。"),
("negation","","parking","说话人否认是警察，不是身份告知","O:我不是交警，我是停车场的管理员，管不了罚款的事。"),
("negation","","formal","明确不要转账现金","O:不用给我转账，也不用给我现金，这单子你拿回去按上面的方式处理。"),
("negation","","colloquial","否认让扫私人码","O:我没有让你扫我的码，你扫的是缴费窗口那个。"),
("negation","","phone","否认要拿手机","O:你别误会，没人要拿你手机，你拍，没问题。"),
("negation","","curt","否认收钱撕单","O:我不收钱，也不撕单，按规矩来。"),
("negation","","ebike","今天不罚款，没有指标内容","O:我们今天不是来抓罚单的，是来宣传头盔的，不罚款。"),
("negation","","shandong","否认骂人","O:俺可没骂恁啊，俺说的是慢点开。"),
("negation","","formal,job","否认影响工作，不是威胁","O:不会影响你工作的，交通违法不通报单位。"),
("negation","","formal","否认指标","O:没人给你定指标，你这单跟指标没关系。"),
("negation","","sichuan,school_zone,family","否认针对孩子，不是威胁","O:莫得人说要影响你娃儿上学，你莫乱想。"),
("negation","","night_checkpoint","否认酒驾，无标签","O:这个不算酒驾，你的数值没到二十，走吧。"),
# ---------------- lawful_notice ----------------
("lawful_notice","","truck,formal","依法暂扣并说明法律依据，是合法告知","O:根据《道路交通安全法》第九十二条，你这货车超载百分之三十以上，依法暂扣车辆至卸载完毕，这是暂扣凭证。"),
("lawful_notice","","night_checkpoint,formal","告知法定处罚，非威胁","O:你饮酒后驾驶，按照第九十一条，驾驶证暂扣六个月，并处罚款，这是法律规定的。"),
("lawful_notice","","formal","合法缴款渠道，有电子票据","O:罚款可以用交管12123缴，也可以到银行，交完有电子票据。"),
("lawful_notice","","plate,formal","依法扣留并出具凭证","O:你这车没挂号牌，依法扣留，补齐手续后凭这张凭证来领。"),
("lawful_notice","","night_checkpoint","告知抽血程序","O:醉驾涉嫌危险驾驶罪，现在要带你去医院抽血，这是程序。"),
("lawful_notice","","parking","条件句但是合法拖移告知","O:你不挪车的话，我们会按规定拖移，拖车费用由你承担，这张告知单你收好。"),
("lawful_notice","","parking,formal","扫码缴到财政，有电子发票","O:违停罚款一百五，不扣分，可以扫通知单上的码缴纳，电子发票自动生成。"),
("lawful_notice","","night_checkpoint","依法强制检测告知","O:你拒绝配合检查的话，我们可以依法强制检测，这个你要清楚。"),
("lawful_notice","","ebike","警告教育，说明下次处罚","O:电动车没戴头盔，本次警告教育，再犯会按条例罚款二十元。"),
("lawful_notice","","ride_hailing,formal","依法移交运管","O:网约车没有运输证，按规定由运管部门处理，我们移交。"),
("lawful_notice","","plate,formal","依法收缴号牌","O:你这属于假牌，依据第九十六条，收缴号牌，处二千以上五千以下罚款。"),
("lawful_notice","","accident,formal","复核是事故认定程序，不是复议诉讼告知","O:事故认定书十日内出具，对认定有异议可以申请复核。"),
("lawful_notice","","formal","依法扣留驾驶证并出凭证","O:你驾驶证逾期未审验，依法扣留驾驶证，这是扣留凭证，审验后来取。"),
("lawful_notice","","highway","告知法定罚款扣分","O:高速上应急车道不能停，罚二百扣六分，通知书给你，十五日内缴。"),
("lawful_notice","","night_checkpoint","告知复检程序","O:这个酒精数值我给你打印出来，你签字确认，有疑问可以抽血复检。"),
("lawful_notice","","cantonese","依法暂扣并出凭证","O:你部车冇年检，依法要暂扣，呢张系凭证，搞好手续再嚟取。"),
# ---------------- question ----------------
("question","","colloquial","司机提问，民警没谈指标","C:你们到底有没有罚款指标啊？\nO:你这个问题我答不了，先说你闯红灯的事。"),
("question","","curt","民警确认是否行贿，不是索要","O:你刚才是想给我塞钱吗？\nC:没有没有，我掏手机呢。"),
("question","","formal","民警询问是否被人索要红包","O:有没有人问你要过红包？有的话跟我们说。\nC:没有。"),
("question","","formal","只是询问，没有报身份","O:你需要看我的证件吗？\nC:不用了。"),
("question","","colloquial","司机问能否申辩，民警未告知","C:我能不能申辩？\nO:你想说什么？"),
("question","","curt","司机问复议，民警未告知","C:复议去哪儿？\nO:你先签收，有啥不明白回头打电话问大队。"),
("question","","angry","民警质问司机骂人","O:你骂谁呢？你刚才说谁是狗？\nC:我没说你。"),
("question","","accident","私了指事故双方协商","O:你们是想私了还是走程序？双方自己协商的话要填快处协议书。\nC:私了吧。"),
("question","","sichuan","司机质疑凑数，民警反问","C:你们是不是要凑够数才收工哦？\nO:你咋个这么想嘛？"),
("question","","formal","询问对方记者证","O:你说你是记者？记者证带了吗？"),
("question","","angry","民警未报警号","C:你警号多少？我要投诉。\nO:投诉电话是一二二，你打就行。"),
("question","","formal","询问是否会线上缴款","O:扫码缴费会不会操作？不会的话我教你在12123上弄。"),
("question","","northeast","司机问是否扣车","C:嘎哈呀，你这是要扣我车啊？\nO:先把车靠边，一会儿再说。"),
("question","","ride_hailing","问公司派单量，不是罚单指标","O:你们公司是不是给司机定了每天跑多少单？超时驾驶很危险。\nC:是啊，不跑够没钱。"),
("question","","angry","司机问怎么办，民警未告知权利","C:要是不服可以怎么办？\nO:怎么办？先把酒醒了再说。"),
("question","","auxiliary","反问辅警职权，没有表明自己身份","O:辅警能开罚单吗？不能。所以你等民警过来。"),
# ---------------- reported_speech ----------------
("reported_speech","","angry","民警转述司机指控并否认","O:你说我收钱？我什么时候收你钱了，记录仪都录着呢。"),
("reported_speech","","formal","转述举报内容","O:有人举报说这个卡点的辅警让人扫码私了，我们今天就是来查这个的。"),
("reported_speech","","colloquial","司机转述别人说的话","C:刚才那个胖的说不给钱就扣车，他说的算吗？\nO:他不是我们的人，你把情况详细说一下。"),
("reported_speech","","formal","转述群众反映并辟谣","O:群众反映我们中队有罚单任务，支队专门发了通知辟谣。"),
("reported_speech","","colloquial","司机转述网传","C:网上说你们交警每人一个月要开一百张罚单。\nO:网上的话你也信。"),
("reported_speech","","sichuan","转述他人骂人","O:他刚骂你瓜娃子是吧？我会向上反映，你先消消气。"),
("reported_speech","","shandong","转述邻居的话","C:俺邻居说恁这儿给二百就能不扣分。\nO:恁邻居瞎说呢。"),
("reported_speech","","colloquial","转述司机指控，原话是依法拖车","O:你说我吓唬你？我就说了一句按规定拖车，这算哪门子吓唬。"),
("reported_speech","","colloquial","转述传言","C:我听人家讲你们考核排名末位要下岗的。\nO:那是人家讲的。"),
("reported_speech","","formal","宣读投诉内容","O:投诉内容是：执勤人员称再不走砸了你手机。这是哪天的事？"),
("reported_speech","","formal","转述假警察的自称","C:他跟我说他是市局的，结果是个假警察。\nO:那你报案，我们协助。"),
("reported_speech","","colloquial","转述新闻","O:新闻里那个收红包的协警已经被开除了，你放心。"),
("reported_speech","","cantonese","司机转述他人威胁","C:佢话唔畀钱就锁我架车喔。\nO:边个讲嘅？你认得佢样吗？"),
("reported_speech","","formal","转述自己说过的合法用语","O:我刚才对你说的是依法暂扣，不是给你扣了，你别断章取义。"),
("reported_speech","","colloquial","司机转述他人自称","C:那个人说自己是交警三大队的，警号都报了。\nO:我们查一下有没有这个人。"),
("reported_speech","","formal","转述记者提问","O:记者问我们是不是有罚款任务，我跟他说你去问支队新闻办。"),
# ---------------- other ----------------
("other","","joking,ebike","友好调侃，不是辱骂","O:哈哈，你这小电驴改得跟变形金刚似的，头盔倒是挺新。\nC:嘿嘿，刚买的。"),
("other","","tired,phone_call","私人电话里的红包，与执法无关","O:晓得了，红包我明天给你妈发，今晚在卡点回不去。"),
("other","","joking","篮球队排名，与罚单无关","O:这周排名？我们篮球队排第三，周末再打一场。"),
("other","","school_zone,joking","对孩子的亲昵称呼","O:小朋友，慢点跑，你这个小调皮鬼，书包都掉了。"),
("other","","tired,night_checkpoint","关心问候","O:辛苦了师傅，这么晚还跑车，注意安全，前面有雾。"),
("other","","northeast","善意提醒，不罚款","O:老铁，你这车牌让泥糊上了，擦擦，就提醒一下。"),
("other","","radio,formal","对讲机汇报查获数，不是指标","O:指挥中心，三号卡点今晚查获酒驾两起，完毕。"),
("other","","joking","说的是狗，不是骂人","O:我是说你这狗，挺乖的，啥品种？\nC:柯基。"),
("other","","tourist_rental","景区停车收费码，与民警无关","O:这码是景区停车场的，扫了是交停车费，跟我们交警没关系。"),
("other","","school_zone,joking","熟人寒暄","O:咱俩这是第三回见了吧，你老是这个点接孩子，今天停得挺规矩。"),
("other","","colloquial","婉拒一瓶水","C:警官，你们辛苦了，喝瓶水吧。\nO:谢谢谢谢，水我自己带了。"),
("other","","school_zone","任务指护学，不是罚单","O:任务就是把孩子们安全送过马路，今天四点半放学。"),
("other","","tired","年终总结材料，不是罚单考核","O:困死了，通宵站岗，回去还要写年终考核材料。"),
("other","","shaanxi","替同事打圆场","O:额这娃说话冲得很，你们莫介意。"),
("other","","joking,animal","友好比喻，不是辱骂","O:你吓死我了，突然跟个兔子一样蹦出来，哈哈，下回走斑马线。"),
("other","","sichuan,joking","同乡寒暄","O:你这是地道的重庆话嘛，我老家也是那边的，莫得事，慢慢说。"),
]

# ======================= generator =======================
import json, random, re, sys
from collections import Counter

RNG = random.Random(20261204)

BANNED = ["请出示驾驶证", "可以陈述申辩", "我们不收现金", "也可以申请复议", "依法扣留车辆",
          "说了多少遍了", "这是处罚决定书", "今天不凑够罚款数回不去", "我们没有罚款指标", "不能私下给钱"]

SLOTS = {
    "amt": ["一百", "两百", "三百", "五百", "八百", "一千", "两千", "一百五", "三百五", "六百"],
    "amt2": ["两百", "五百", "一千五", "两千"],
    "pay": ["微信", "支付宝", "现金", "手机"],
    "n": ["五", "八", "十", "十二", "十五", "二十", "三十", "四十", "五十", "六十"],
    "pts": ["三", "六", "九", "十二", "一"],
    "unit": ["市交警支队一大队", "高速交警四大队", "城区中队", "开发区交警中队", "县交警大队", "事故处理中队",
             "机动中队", "支队秩序科", "城南交巡警平台", "二环铁骑队", "西站交警中队"],
    "num": ["035618", "一二零七三一", "410233", "零九八七六五", "17502", "二三六一四", "086342", "三零一九"],
    "sur": ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "马", "韩", "蒋", "郭"],
    "veh": ["车", "电动车", "货车", "这台车", "摩托", "三轮", "出租车", "面包车"],
    "gov": ["市政府", "区政府", "县政府", "上一级公安机关"],
    "viol": ["闯红灯", "压实线", "违停", "超载", "酒驾", "不戴头盔", "逆行", "超速", "遮挡号牌", "占应急车道",
             "开车打电话", "不系安全带"],
    "period": ["这个月", "这周", "今天", "这个季度", "本月", "这礼拜"],
    "ins": ["瓜娃子", "憨子", "傻狍子", "扑街", "苕货", "瓜怂", "二百五", "蠢货", "废物", "猪脑子", "土鳖",
            "缺心眼的", "瘪三", "憨包", "笨驴", "窝囊废", "夯货", "二愣子"],
    "animal": ["猪", "驴", "王八", "狗", "耗子", "猴子", "鸭子", "蛤蟆"],
    "ticket": ["头盔", "违停", "酒驾", "超载", "闯灯", "电动车"],
    "art": ["九十", "九十一", "九十二", "九十五", "九十六"],
    "lot": ["城西", "高速口", "开发区", "南环"],
    "fix": ["戴头盔", "系安全带", "挂好号牌", "停进车位"],
    "place": ["保定", "天水", "桂林", "大理", "泉州", "芜湖", "宜昌", "宝鸡"],
}

def fill(t):
    def rep(m):
        return RNG.choice(SLOTS[m.group(1)])
    return re.sub(r"\{(\w+)\}", rep, t)

# ---------- positive act templates (officer turns) ----------
POS = {
"cash_no_receipt": [
    "{amt}块，{pay}转我，这事就这么算了，单子不开。",
    "拿点喝茶钱出来，今天就当没看见你。",
    "辛苦费意思意思，{pts}分我就不给你扣了。",
    "扫这个码，{amt}，转完就走，不进系统。",
    "发个{amt}的红包给我，罚单我撕了。",
    "转个账就当没看见，快点，后头还排着车呢。",
    "你表示表示，咱私下了了，这单就不开了。",
    "现金带了没？{amt}，收据就甭要了。",
    "往我这个手机号转{amt}，记录我这边给你删了。",
    "{amt}放我兜里，{viol}这事咱俩都没看见。",
    "不想扣分是吧？{amt}，我找人把记录给你消了。",
    "罚款不用去银行那么麻烦，直接给我{amt}现金，票就不开了。",
    "你懂规矩吧？意思意思，{amt}，车你开走。",
    "{amt}的烟钱，有就走，没有就开单。",
    "兄弟们站一宿了，你给个{amt}辛苦费，这单我不报。",
    "这个码是我自己的，扫{amt}过来，我这边不录。",
    "加我个微信，{amt}转过来，罚单就当没写过。",
    "要开票就罚{amt2}，不要票给我{amt}就行，你自己选。",
    "这样，你把{amt}压在驾驶证底下递给我，懂吧。",
    "别走程序了，{amt}私了，分不扣，谁也不知道。",
    "你这{viol}按说要扣{pts}分，给我{amt}，我手下留情。",
],
"quota": [
    "{period}还差{n}张，你赶上了，别怪我。",
    "上面考核，每人每天{n}张罚单，少一张都不行。",
    "我们中队排名倒数，{period}得开够{n}张。",
    "末位要被通报的，任务量摊派下来一人{n}单。",
    "一周{n}张是硬杠杠，完不成扣绩效。",
    "{period}的数还没凑齐，差{n}张，对不住了。",
    "大队分了任务，每个岗{n}张{ticket}罚单。",
    "开单数跟奖金挂钩，月底要排名的。",
    "不是我想罚，{period}考核要{n}张，我才开了一半。",
    "所里给每个人定了数，{period}最少{n}张，你说我咋办。",
    "今天就差你这一张了，凑满{n}张我就收工。",
    "排名表天天在群里发，我{period}倒数第二，你体谅一下。",
    "支队下了指标，{ticket}这块{period}要罚够{n}起。",
    "没开够{n}张回去要写检讨，你就当帮我个忙。",
    "{period}任务量是{n}张，这个路口不抓抓哪里。",
    "这是摊派下来的，我们辅警一天也得报{n}个违法。",
    "领导说了，末位淘汰，{period}开单最少的扣奖金。",
    "每人每天{n}单，完不成不准下班，这是上头定的。",
],
"verbal_abuse": [
    "你个{ins}，{viol}还有理了？",
    "你是{animal}脑子吗？这都看不见？",
    "瞅你那熊样，开个车跟{animal}似的。",
    "{ins}，给我下来！",
    "你这种人就是社会渣滓，{viol}还嘴硬。",
    "你眼瞎啊，{ins}一个。",
    "哟，大老板啊，{viol}也敢，你可真是个大聪明。",
    "你活这么大岁数都活到{animal}身上去了？",
    "跟你这种{ins}说话真费劲。",
    "滚一边去，{ins}。",
    "你长没长脑子？跟头{animal}一样犟。",
    "就你这{ins}样还开车？",
    "老东西，{viol}还跟我讲道理。",
    "你是聋子还是傻子？叫你停车听不见？",
    "乡巴佬进城，啥也不懂，还{viol}。",
    "这位爷，您是天王老子啊？{viol}还这么横，没教养的东西。",
    "看你那{animal}样，还好意思说。",
],
"threat": [
    "再跟我犟，{veh}今天别想开走，拖到停车场放到烂。",
    "你敢拍，信不信我把你手机砸了。",
    "不签字？行，这驾照你这辈子别想要回去了。",
    "给我下来！不下来有你好受的。",
    "你单位在哪我一查就知道，到时候你这工作还要不要了？",
    "你家孩子还要考公吧？这事我给你记着。",
    "老实点，不然我天天派人查你这{veh}。",
    "走着瞧，这片你以后别想再跑。",
    "你再嘴硬试试，我把你铐起来关几天。",
    "你这{veh}天天走这条路吧？以后小心点，我记住你车牌了。",
    "跑网约车的吧，平台那边我有人，你这号想不想要了？",
    "再啰嗦一句，{veh}我直接给你拉走，让你找都找不着。",
    "你要是敢投诉，我保证你以后在这条路上寸步难行。",
    "手机给我关了，不关我就没收了，你别想再拿回去。",
    "你惹我试试，我让你全家都不得安生。",
    "今天你不服软，明天你的店就有人去查。",
    "把嘴闭上，不然我给你安个妨碍公务，让你进去待着。",
    "你再闹，驾驶证我给你撕了，你去哪儿都补不出来。",
    "记住你了，你以后有的是苦头吃。",
],
"identification": [
    "您好，我是{unit}民警，警号{num}。",
    "我们是{unit}的，我姓{sur}，这是我的警官证。",
    "我是{unit}的辅警，配合民警执勤，工号{num}。",
    "交警，{unit}的，现在例行检查。",
    "我是这个路段的执勤交警，编号{num}，执法记录仪已开启。",
    "{unit}，{sur}警官，请您配合。",
    "我姓{sur}，{unit}的，警号在胸前，{num}。",
    "我们是{unit}执勤民警，今晚这里设卡查酒驾。",
    "看一下，这是我的证件，{unit}民警，姓{sur}。",
    "我是{unit}的协警，民警马上过来。",
    "{unit}的，我是这儿的带班民警。",
    "您好，公安交警，{unit}，我的警号是{num}。",
    "我是辅警，编号{num}，这边归{unit}管。",
    "自我介绍一下，{unit}民警，姓{sur}。",
    "警号{num}，{unit}，有什么问题可以对着记录仪说。",
],
"rights_notice": [
    "对这个处罚你有权陈述和申辩，有什么要说的现在就讲。",
    "不服的话六十日内可以向{gov}申请行政复议，六个月内还能直接向法院起诉。",
    "你要是有意见，可以讲你的理由，这叫申辩，是你的权利，我们都记下来。",
    "处罚之前告诉你一声：你有陈述、申辩的权利。",
    "对决定不服，可以复议，还可以去法院提起行政诉讼。",
    "你有申辩的权利，想说啥就说。",
    "有异议的话，可以在六十天内申请复议。",
    "按规定我得告诉你，你能提出陈述和申辩，还有权申请行政复议或者提起行政诉讼。",
    "陈述、申辩，这两个权利你都有，你要不要行使？",
    "这个决定你要不认，复议、诉讼两条路都能走。",
    "你先说说你的理由，陈述申辩是法律给你的权利。",
    "你要不服，去{gov}复议，或者去法院告，都行。",
    "我现在依法告知：你享有陈述权和申辩权。",
    "你可以为自己申辩，说完我们再作决定。",
    "要起诉的话，行政诉讼期限是六个月，你记着。",
    "申辩意见你写在笔录上，写完签名。",
],
}

# ---------- hard negative templates: (dialogue, note) ----------
NEG = {
"civilian_says": [
    ("C:警官，{amt}给你，放我一马吧。\nO:先把车熄火，驾驶证拿出来看看。", "递钱的是司机，民警没有索要"),
    ("C:我知道你们{period}还差罚单，拿我凑数呢。\nO:靠边停稳，别堵路。", "指标是司机说的，民警没提"),
    ("C:你个{ins}，凭啥拦我？\nO:请你冷静，配合检查。", "辱骂出自群众"),
    ("C:我认识你们{unit}的领导，你掂量着办。\nO:认识谁都一样，按规定来。", "施压的是司机，民警依规办事"),
    ("C:信不信我投诉你，让你这身衣服穿不成？\nO:可以投诉，电话在告知单上。", "威胁出自群众"),
    ("C:我要申辩，我要复议，我还要去法院告你们！\nO:好，先在这里签收。", "司机自己提陈述复议，民警未告知"),
    ("C:我是{unit}的，自己人，行个方便。\nO:自己人也得按规矩，{viol}照样处理。", "自称警察的是群众"),
    ("C:扫你个码转过去得了，多省事。\nO:先站到路边来。", "司机提出转账，民警未接话"),
    ("C:你们这帮人就会罚钱，跟土匪一样。\nO:有意见可以反映，现在先配合。", "骂人的是群众"),
    ("C:再拦我，我让我哥过来收拾你。\nO:你叫谁来都一样。", "威胁出自群众"),
    ("C:我是网约车司机，工号{num}，正规的。\nO:行，运输证拿来看看。", "报工号的是司机"),
    ("C:发个红包给你，这事就过去吧？\nO:你先别动手机，站那边。", "司机提红包，民警未接"),
    ("C:我不想扣{pts}分，{amt}行不行？\nO:你先把行驶证给我。", "司机提钱"),
    ("C:我听说你们末位要扣钱，考核都是按罚款算的。\nO:你{viol}了，这个是事实。", "考核是司机说的"),
    ("C:你个{animal}一样的，拦什么拦！\nO:注意你的言辞，记录仪在录。", "群众辱骂民警"),
    ("C:我告诉你，你今天敢扣我车，明天我就让你好看。\nO:你冷静点，先把车停稳。", "威胁出自群众"),
],
"officer_refuses": [
    ("C:{amt}你拿着，别开单了。\nO:收回去，罚款走银行或者12123，电子票据会发到你手机。", "民警拒收现金并说明合法缴款"),
    ("C:给你发个红包行不？\nO:不收红包，该罚就罚，通知书你拿好。", "民警拒绝红包"),
    ("C:你们是不是有指标？\nO:没有指标这回事，罚你是因为你{viol}。", "民警否认指标"),
    ("C:私下给你{amt}，咱别走程序了。\nO:没有私下这一说，钱你揣好，程序照走。", "民警拒绝私了"),
    ("C:扫你的码吧。\nO:别扫我的，扫通知书上的缴款码，钱进财政专户，有电子票据。", "官方缴款渠道，不是收给自己"),
    ("C:意思意思，{amt}，给兄弟们买水喝。\nO:心意领了，钱不能要，签字吧。", "民警拒收"),
    ("C:你帮我把分消了，我给你转{amt}。\nO:消不了，也不会收你的钱，别再提了。", "民警拒绝转账"),
    ("C:你们{period}任务完成没？\nO:我们不考罚单数量，考的是事故下降。", "民警否认罚单考核"),
    ("C:现金给你，你帮我交了吧。\nO:我不经手罚款，你自己交，收据自己留着。", "民警拒绝代收"),
    ("C:辛苦费总得给点吧。\nO:不用，执勤是本职，东西拿回去。", "民警拒收"),
    ("C:{amt}，你就当没看见。\nO:看见了就是看见了，钱拿回去，这是给你开的单子。", "民警拒收并照常开单"),
    ("C:给你转账，别扣我车。\nO:车按规定处理，转账我不收，你这么做是行贿。", "民警拒绝转账"),
    ("C:喝茶钱我出，行个方便。\nO:茶我自己有，钱收起来，违法行为照常处理。", "民警拒收喝茶钱"),
],
"negation": [
    ("O:我没说要你的钱，罚款去银行交。", "否认要钱"),
    ("O:我不是骂你，我是说你这车开得太冲。", "否认骂人"),
    ("O:不扣你的{veh}，手续补齐就能开走。", "否认扣车"),
    ("O:没人威胁你，我就是提醒你挡着道了。", "否认威胁"),
    ("O:我们没有排名这回事，你别听别人瞎说。", "否认排名"),
    ("O:我不是交警，我是停车场收费员，罚款的事我管不了。", "说话人不是警察"),
    ("O:不用转账，也不用给现金，通知书你拿回去按上面的方式缴。", "明确不收钱"),
    ("O:我没让你扫我的码，你扫的是缴费机上那个。", "否认私人收款码"),
    ("O:不会砸你手机，你要拍就拍。", "否认威胁手机"),
    ("O:今天不罚款，就是提醒，下回记得{fix}。", "不罚款，无标签"),
    ("O:不会通知你单位的，交通违法跟你工作没关系。", "否认影响工作"),
    ("O:没给我们定数，你这单跟数量没关系。", "否认指标"),
    ("O:我可没说你是{ins}，你别乱讲。", "否认骂人"),
    ("O:我不收你的钱，你也别给任何人钱。", "否认收钱"),
    ("O:不是吓唬你，{viol}确实危险，下次注意。", "否认吓唬，只是提醒"),
],
"lawful_notice": [
    ("O:根据《道路交通安全法》第{art}条，依法暂扣你的{veh}，这是暂扣凭证，手续补齐后来领。", "依法暂扣并说明依据"),
    ("O:你饮酒后驾驶，驾驶证暂扣六个月，并处罚款，这是法律规定的。", "法定处罚告知，不是威胁"),
    ("O:罚款{amt}，扣{pts}分，可以用交管12123缴，交完自动出电子票据。", "合法缴款并有票据"),
    ("O:不挪车的话我们会按规定拖移，费用你承担，这张告知单收好。", "合法拖移告知"),
    ("O:拒绝检测的话我们可以依法抽血检验，这是程序。", "依法检验告知"),
    ("O:超载部分必须卸载，卸完再放行，这是规定。", "依法卸载"),
    ("O:这个违停罚款{amt}，扫通知单上的二维码缴到财政账户，会有电子发票。", "扫官方码缴到财政，有发票"),
    ("O:你这个是伪造号牌，依法收缴，同时要罚款，移交处理。", "依法收缴"),
    ("O:没戴头盔，这次按规定警告，下次按条例罚款。", "警告并说明规定"),
    ("O:驾驶证已经逾期，依法扣留驾驶证，这是凭证，审验完了来取。", "依法扣留驾驶证并出凭证"),
    ("O:{viol}，依照规定罚款{amt}、记{pts}分，决定书你收好，十五日内缴纳。", "法定处罚告知"),
    ("O:车辆暂扣在{lot}停车场，凭这张凭证和行驶证来提车。", "暂扣后提车告知"),
    ("O:醉驾涉嫌刑事犯罪，我们依法带你去医院抽血，请配合。", "依法抽血"),
    ("O:你们要走快处的话，双方拍照，填协议书，保险公司处理，我们不收任何费用。", "快处流程告知"),
],
"question": [
    ("C:你们到底有没有罚款指标啊？\nO:你先把你{viol}的事说清楚。", "司机提问，民警未谈指标"),
    ("O:你刚才是想塞钱给我吗？\nC:没有没有，我拿手机呢。", "民警确认是否行贿"),
    ("O:有没有人问你要过红包或者让你扫码？有的话告诉我们。\nC:没有。", "民警询问是否被索要"),
    ("O:需要看一下我的证件吗？\nC:不用了不用了。", "只是询问，没有表明身份"),
    ("C:我能不能申辩？\nO:你想说什么？", "民警没有作权利告知"),
    ("C:复议去哪里？\nO:先签收，其他的回头打大队电话问。", "民警没有告知复议"),
    ("O:你刚才骂谁呢？\nC:我没骂你。", "民警质问，不是辱骂"),
    ("O:你们双方是想私了还是走程序？私了就填快处协议书。\nC:私了吧。", "私了指事故双方协商"),
    ("C:你们是不是要凑够数才能收工？\nO:你怎么会这么想？", "司机提问，民警反问"),
    ("C:你警号多少？我要投诉你。\nO:投诉电话一二二，你打吧。", "未报警号"),
    ("O:会不会在12123上缴罚款？不会我教你。\nC:会的。", "询问缴款方式"),
    ("C:你这是要扣我{veh}啊？\nO:先靠边，等会儿说。", "司机提问"),
    ("O:你们公司是不是规定每天必须跑够多少单？疲劳驾驶很危险。\nC:是啊，不跑够没钱。", "问的是公司派单量"),
    ("C:你是交警还是城管啊？\nO:先把车挪开再说。", "没有表明身份"),
    ("C:是不是给钱就不用扣分了？\nO:谁跟你这么说的？", "民警反问"),
],
"reported_speech": [
    ("O:你说我收钱？我什么时候收过你的钱，记录仪都录着呢。", "转述指控并否认"),
    ("O:有人举报说这卡点有人让司机扫码私了，我们今天就来查这个。", "转述举报"),
    ("C:刚才那个人说不给钱就扣车，他说了算吗？\nO:他穿没穿制服？你把样子说一下。", "司机转述他人"),
    ("O:网上传我们每人每月要开一百张罚单，支队已经辟谣了。", "转述网传"),
    ("C:我邻居说在你们这儿给{amt}就不扣分。\nO:你邻居瞎说的。", "司机转述邻居"),
    ("O:你说我吓唬你？我刚才说的是按规定拖车，不是吓唬。", "转述指控"),
    ("C:我听人讲你们考核末位要下岗。\nO:那是人家讲的。", "转述传言"),
    ("O:投诉里写的是执勤人员说再不走砸了你手机，你记得是哪个人吗？", "宣读投诉"),
    ("C:那个人说他是{unit}的，还报了警号，结果是假的。\nO:那你先报案，我们协助核实。", "转述假警察自称"),
    ("O:新闻里那个收红包的辅警已经被辞退了。", "转述新闻"),
    ("C:他刚才骂我是{ins}，你们管不管？\nO:我们会核实，你先别激动。", "司机转述他人辱骂"),
    ("O:老{sur}说那个司机骂他{ins}，这事要记进笔录。", "转述他人辱骂"),
    ("C:你同事刚才说我这车要拖去报废，真的假的？\nO:没有的事，就是暂扣，手续全了就能取。", "转述同事的话并澄清"),
],
"other": [
    ("O:哈哈，你这小电驴改装得跟变形金刚似的，头盔倒挺新。\nC:嘿嘿，刚买的。", "友好调侃"),
    ("O:知道了，红包明天我给你妈发，今晚在卡点回不去。", "私人电话里的红包"),
    ("O:我们篮球队这周排名第三，周末还有一场。", "体育排名"),
    ("O:小家伙，慢点跑，你这个小馋猫，冰棍都滴身上了。", "对孩子的亲昵"),
    ("O:师傅辛苦了，这么晚还跑车，注意安全，前面起雾了。", "关心问候"),
    ("O:指挥中心，{unit}卡点今晚查获酒驾两起，完毕。", "对讲汇报，不是指标"),
    ("O:你这狗真乖，啥品种啊？\nC:柯基。", "说的是宠物"),
    ("O:今天的任务就是把孩子安全送过马路，四点半放学。", "护学任务"),
    ("C:警官辛苦了，喝瓶水吧。\nO:谢谢，我带了，你留着。", "婉拒一瓶水"),
    ("O:又是你啊，天天这个点接孩子，今天停得挺规矩，不错。", "熟人寒暄"),
    ("O:我们队里那个小{sur}，跟个猴子似的爬上爬下，哈哈。\nC:哈哈。", "同事间玩笑"),
    ("O:吓我一跳，你跟个兔子似的窜出来，下回走斑马线啊。", "友好比喻"),
    ("O:这个码是景区停车场的，扫了交的是停车费，跟我们没关系。", "景区收费码"),
    ("O:我老家也是{place}的，听你口音就知道，慢慢说，不着急。", "同乡寒暄"),
],
}

# ---------- regions and registers ----------
REGIONS = {
    "shandong": (["俺跟恁说，", "恁听好了，", "恁这是弄啥嘞，"], ["中不中？", "恁咋不听呢。"], ["俺咋知道啊。", "中，中。", "恁这是弄啥嘞？"]),
    "henan": (["中了中了，", "恁这是弄啥嘞，"], ["中不中？", "知道不？"], ["中，俺听恁的。", "弄啥嘞这是？"]),
    "northeast": (["咋整的你这是，", "嘎哈呢，", "整啥呢，"], ["听明白没？", "咋整你自己寻思。"], ["嘎哈呀这是？", "咋整啊大哥？"]),
    "sichuan": (["你啥子情况嘛，", "要得，"], ["晓得不？", "莫得商量。"], ["啥子嘛？", "要得要得。", "莫得这回事嘛。"]),
    "cantonese": (["喂，", "唔该，"], ["明唔明啊？", "好唔好？"], ["做咩啊？", "唔系掛。"]),
    "hubei": (["你搞么事，", "冇得事，"], ["晓得啵？"], ["么样了嘛？", "搞么事啊？"]),
    "shaanxi": (["额给你说，", "咋咧，"], ["嫑磨叽。"], ["咋咧咋咧？", "额不知道么。"]),
    "jiangzhe": (["侬晓得伐，", "喏，"], ["晓得伐？"], ["哪能啦？", "好额好额。"]),
    "shanghai": (["侬听好，"], ["阿拉讲清爽了。"], ["做啥啦？", "晓得了。"]),
    "tianjin": (["介嘛情况，", "嘛呢，"], ["介不就完了。"], ["嘛意思啊？", "介叫嘛事儿。"]),
    "hebei": (["你干嘛呢，"], ["听见没？"], ["咋了这是？"]),
    "guangxi": (["老表，"], ["得不得？"], ["搞哪样嘛？", "得嘛得嘛。"]),
    "yunnan": (["你整哪样，"], ["晓得了噶？"], ["整哪样？", "是噶？"]),
    "gansu": (["阿么了这是，"], ["听下了没？"], ["阿么了？", "尕事情嘛。"]),
    "anhui": (["啥侠子，"], ["可中？"], ["可中？", "啥侠子事？"]),
    "fujian": (["这样子厚，"], ["好不好啦？", "知道吗哦。"], ["怎样啦？", "好啦好啦。"]),
}
REG_NAMES = sorted(REGIONS)

REGISTERS = {
    "formal": (["您好，", "请注意，"], []),
    "curt": ([], []),
    "joking": (["哈哈，", "嘿，"], ["开个玩笑啊。"]),
    "tired": (["哎，站一宿了，", "唉，困死了，"], []),
    "angry": (["我告诉你，", "你给我听着，"], []),
}

SITUATIONS = {
    "toll_gate": (["这边靠边停一下，熄火。", "前面收费站先别走，后备箱打开。", "行驶证给我看一下。"],
                  ["咋了？我交过费了啊。", "我赶时间，能快点吗？", "好好好，我停。"]),
    "night_checkpoint": (["来，对着这个吹，用力，别停。", "下车，站这边来。", "喝酒没有？再吹一次。"],
                         ["没喝，真没喝。", "中午喝的，早过了。", "这么晚了还查啊。"]),
    "school_zone": (["这里放学时间不能停车，往前开。", "家长，车挪一下，孩子要过马路。"],
                    ["我就接个孩子。", "马上马上，孩子出来了。"]),
    "truck": (["货车上磅，司机下来。", "你这车拉的啥？单子拿来。"],
              ["拉的沙子，正常装的。", "老板让我这么装的。"]),
    "ride_hailing": (["网约车是吧？乘客先下来一下。", "你这单是平台派的吗？"],
                     ["是平台派的，你看手机。", "我车上还有乘客呢。"]),
    "ebike": (["电动车停一下，头盔呢？", "靠边，这车牌呢？"],
              ["就骑两步路。", "头盔放家里了。"]),
    "parking": (["这车谁的？这里不能停。", "车主在吗？消防通道。"],
                ["我的我的，刚停。", "我就下去买个东西。"]),
    "accident": (["先把双闪打开，人没事吧？", "两台车先拍照，挪到边上去。"],
                 ["他突然刹车的！", "我没看清，就撞上了。"]),
    "plate": (["你这号牌怎么看不清？", "后面那块牌子呢？"],
              ["下雨溅的泥。", "掉了，还没去补。"]),
    "tourist_rental": (["外地车？租的吧，停一下。", "你们是来旅游的？"],
                       ["对，我们来玩几天。", "车是在机场租的。"]),
}
SIT_NAMES = sorted(SITUATIONS)
FILLERS_C = ["嗯……", "啊？", "那个……", "不是，我——", "等一下等一下。", "哦。", "好吧。"]
CLOSE_O = ["好了，走吧，注意安全。", "行，靠边等着。", "就这样。", "后面的车往前走。"]
CLOSE_C = ["行吧。", "知道了。", "……", "那我走了啊。"]

def flavor(text, region, register):
    """Add a regional / register touch to an officer line."""
    pre, suf = "", ""
    if register and REGISTERS[register][0] and RNG.random() < 0.5:
        pre = RNG.choice(REGISTERS[register][0])
    elif region and RNG.random() < 0.55:
        pre = RNG.choice(REGIONS[region][0])
    if region and RNG.random() < 0.4:
        suf = RNG.choice(REGIONS[region][1])
    if register == "joking" and RNG.random() < 0.3:
        suf = RNG.choice(REGISTERS["joking"][1])
    if suf:
        text = text.rstrip("。！") + "，" + suf if text[-1:] in "。！" else text + suf
    return pre + text

def parse(dialog):
    segs = []
    for line in dialog.split("\n"):
        sp, txt = line.split(":", 1)
        segs.append({"speaker": {"O": "officer", "C": "civilian", "U": "unknown"}[sp], "text": txt})
    return segs

def wrap_long(segs, sit, region):
    """Embed the core turns among situation turns (3-9 in total)."""
    so, sc = SITUATIONS[sit]
    pre = [{"speaker": "officer", "text": RNG.choice(so)}]
    c = RNG.choice(sc)
    if region and RNG.random() < 0.5:
        c = RNG.choice(REGIONS[region][2]) + c
    pre.append({"speaker": "civilian", "text": c})
    if RNG.random() < 0.4:
        pre.append({"speaker": "civilian", "text": RNG.choice(FILLERS_C)})
    post = []
    if RNG.random() < 0.6:
        post.append({"speaker": "civilian", "text": RNG.choice(FILLERS_C + CLOSE_C)})
    if RNG.random() < 0.5:
        post.append({"speaker": "officer", "text": RNG.choice(CLOSE_O)})
    out = pre + segs + post
    return out[:9]

# ---------- ASR damage ----------
HOMO = [("罚款", "发款"), ("驾照", "驾罩"), ("扣分", "口分"), ("申辩", "伸辩"), ("陈述", "陈诉"),
        ("复议", "服役"), ("诉讼", "速送"), ("警号", "井号"), ("辅警", "副警"), ("红包", "洪包"),
        ("转账", "赚账"), ("指标", "纸表"), ("考核", "靠河"), ("排名", "牌名"), ("民警", "名警"),
        ("中队", "钟队"), ("罚单", "法单"), ("二维码", "二维吗"), ("现金", "现今"), ("收据", "手据"),
        ("驾驶证", "驾驶正"), ("行驶证", "行使证"), ("酒驾", "久驾"), ("电动车", "电动扯"), ("头盔", "头亏"),
        ("暂扣", "站扣"), ("违章", "围章"), ("处罚", "出罚"), ("权利", "权力"), ("行政", "行正"),
        ("信不信", "新不信"), ("任务", "认务"), ("喝茶", "和茶"), ("看见", "看件"), ("拖走", "脱走"),
        ("吊销", "掉销"), ("辛苦费", "辛苦非"), ("私了", "私聊"), ("证件", "正件"), ("超载", "抄载"),
        ("头盔", "投亏"), ("交警", "叫警"), ("起诉", "期诉"), ("意思意思", "意思一丝"), ("表示", "标示"),
        ("摊派", "摊牌"), ("末位", "末尾"), ("手机", "首机"), ("停车", "听车"), ("号牌", "好牌"),
        ("瓜娃子", "挂娃子"), ("憨子", "汉子"), ("单位", "单为"), ("孩子", "还子"), ("砸了", "杂了")]
CN = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

def cn2num(s):
    if not any(ch in s for ch in "十百千万"):
        return "".join(str(CN[ch]) for ch in s)
    total, cur = 0, 0
    for ch in s:
        if ch in CN:
            cur = CN[ch]
        elif ch == "十":
            total += (cur or 1) * 10; cur = 0
        elif ch == "百":
            total += cur * 100; cur = 0
        elif ch == "千":
            total += cur * 1000; cur = 0
        elif ch == "万":
            total = (total + cur) * 10000; cur = 0
    total += cur
    # 一百五 / 一千五 style tails
    if len(s) >= 3 and s[-2] in "百千" and s[-1] in CN:
        total += CN[s[-1]] * (10 if s[-2] == "百" else 100) - CN[s[-1]]
    return str(total)

NUMRE = re.compile(r"[零一二两三四五六七八九十百千万]{2,7}(?=[块张分天个元吨号日条起单蚊月]|$|[，。])|"
                   r"[零一二三四五六七八九]{4,7}")

def to_digits(t):
    return NUMRE.sub(lambda m: cn2num(m.group(0)), t)

def asr(segs):
    out = [dict(s) for s in segs]
    ops = []
    for s in out:
        t = s["text"]
        for a, b in HOMO:
            if a in t and RNG.random() < 0.45:
                t = t.replace(a, b, 1); ops.append("homophone")
        if RNG.random() < 0.6:
            t2 = to_digits(t)
            if t2 != t:
                ops.append("digits")
            t = t2
        s["text"] = t
    if RNG.random() < 0.7:
        for s in out:
            s["text"] = re.sub(r"[，。！？、：；“”《》]", lambda m: " " if RNG.random() < 0.3 else "", s["text"]).strip()
        ops.append("no_punct")
    i = RNG.randrange(len(out))
    t = out[i]["text"]
    if len(t) > 4:
        j = RNG.randrange(1, len(t) - 1)
        if RNG.random() < 0.5:
            t = t[:j] + t[j + 1:]
        else:
            t = t[:j] + t[j] + t[j:]
        out[i]["text"] = t
        ops.append("char_edit")
    if not ops:
        out[0]["text"] = out[0]["text"].replace("，", "")
    return out

# ---------- building ----------
def make_pos(labels):
    region = RNG.choice(REG_NAMES) if RNG.random() < 0.7 else None
    register = RNG.choice(sorted(REGISTERS)) if RNG.random() < 0.6 else None
    tags = ["template"] + ([region] if region else []) + ([register] if register else [])
    acts = [fill(RNG.choice(POS[l])) for l in labels]
    segs = []
    if len(labels) == 2 and RNG.random() < 0.5:
        a = acts[0].rstrip("。！") + "，" + acts[1]
        segs.append({"speaker": "officer", "text": flavor(a, region, register)})
        tags.append("one_breath")
    else:
        for k, a in enumerate(acts):
            if k and RNG.random() < 0.5:
                segs.append({"speaker": "civilian", "text": RNG.choice(FILLERS_C)})
            segs.append({"speaker": "officer", "text": flavor(a, region, register) if k == 0 else a})
    if len(labels) == 2:
        tags.append("two_labels")
    if RNG.random() < 0.1:
        # the officer's act turn could not be attributed by diarisation
        idx = [i for i, s in enumerate(segs) if s["speaker"] == "officer"]
        segs[RNG.choice(idx)]["speaker"] = "unknown"
        tags.append("unknown_speaker")
    sit = RNG.choice(SIT_NAMES)
    if RNG.random() < 0.42:
        segs = wrap_long(segs, sit, region); tags += [sit, "long"]
    elif RNG.random() < 0.5:
        so, sc = SITUATIONS[sit]
        segs = [{"speaker": "civilian", "text": RNG.choice(sc)}] + segs
        tags.append(sit)
    return {"segments": segs, "labels": list(labels), "kind": "positive", "tags": tags, "note": ""}

def make_neg(kind):
    dialog, note = RNG.choice(NEG[kind])
    region = RNG.choice(REG_NAMES) if RNG.random() < 0.65 else None
    register = RNG.choice(sorted(REGISTERS)) if RNG.random() < 0.5 else None
    tags = ["template"] + ([region] if region else []) + ([register] if register else [])
    segs = parse(fill(dialog))
    for s in segs:
        if s["speaker"] == "officer":
            s["text"] = flavor(s["text"], region, register)
            break
    if RNG.random() < 0.42:
        sit = RNG.choice(SIT_NAMES)
        segs = wrap_long(segs, sit, region); tags += [sit, "long"]
    return {"segments": segs, "labels": [], "kind": kind, "tags": tags, "note": note}

def from_hand(h):
    kind, labels, tags, note, dialog = h
    tags = ["handwritten"] + [t for t in tags.split(",") if t]
    segs = parse(dialog)
    if len(segs) >= 4 and "long" not in tags:
        tags.append("long")
    if labels.count(",") >= 1:
        tags.append("two_labels")
    return {"segments": segs, "labels": [l for l in labels.split(",") if l], "kind": kind, "tags": tags, "note": note}

def banned_in(rec):
    txt = "".join(s["text"] for s in rec["segments"])
    return [b for b in BANNED if b in txt]

def main(path):
    recs = [from_hand(h) for h in HAND]
    labs = sorted(POS)
    for l in labs:
        for _ in range(82):
            recs.append(make_pos([l]))
    pairs = [(a, b) for a in labs for b in labs if a < b]
    for k in range(45):
        a, b = pairs[k % len(pairs)]
        if RNG.random() < 0.5:
            a, b = b, a
        recs.append(make_pos([a, b]))
    for kind in sorted(NEG):
        for _ in range(92):
            recs.append(make_neg(kind))
    out = []
    for r in recs:
        if RNG.random() < 0.3:
            for _ in range(5):
                segs = asr(r["segments"])
                if not banned_in({"segments": segs}):
                    r["segments"] = segs; r["tags"].append("asr_errors"); break
        out.append(r)
    RNG.shuffle(out)
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(out, 1):
            rec = {"id": "H7-%04d" % i, "segments": r["segments"], "labels": r["labels"],
                   "kind": r["kind"], "tags": r["tags"], "note": r["note"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    validate(path)

def validate(path):
    ids, lab, kinds, tagc = set(), Counter(), Counter(), Counter()
    problems = 0
    allowed = set(POS)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            r = json.loads(line)
            assert r["id"] not in ids, r["id"]; ids.add(r["id"])
            assert set(r["labels"]) <= allowed
            assert (r["kind"] == "positive") == bool(r["labels"]), r["id"]
            assert r["kind"] in {"positive"} | set(NEG)
            assert all(s["speaker"] in ("officer", "civilian", "unknown") and s["text"] for s in r["segments"])
            if r["kind"] != "positive":
                assert r["note"], r["id"]
            b = banned_in(r)
            if b:
                problems += 1; print("BANNED", r["id"], b)
            lab.update(r["labels"]); kinds[r["kind"]] += 1; tagc.update(r["tags"])
    print("lines", len(ids), "banned-phrase hits", problems)
    print("labels", dict(lab))
    print("kinds", dict(kinds))
    print("two+ labels", tagc["two_labels"], "long", tagc["long"], "asr", tagc["asr_errors"],
          "unknown", tagc["unknown_speaker"], "handwritten", tagc["handwritten"])
    print("regions", {k: tagc[k] for k in REG_NAMES})
    print("registers", {k: tagc[k] for k in REGISTERS})

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/staging7/heldout7.jsonl")
