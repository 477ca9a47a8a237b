# hand-written exchanges: (labels, kind, tags, note, text); turns split by " / ", speaker prefix O/C/U
HAND = [
# ---- cash_no_receipt
(["cash_no_receipt"],"positive",["shandong","colloquial"],"","C 俺这车超了一点点，恁高抬贵手。/ O 中，恁也别为难俺，拿一张出来，单子俺就不写了，中不中？"),
(["cash_no_receipt"],"positive",["formal","sarcastic"],"","O 这位先生，按规定要扣六分。/ C 六分？我这本子就剩四分了。/ O 办法总是有的嘛，您看着表示一下，这分我就不往系统里录了。"),
(["cash_no_receipt"],"positive",["dongbei","joking"],"","O 老铁，整两个吧，票我就不撕了，都是爷们儿，嘎哈那么较真。"),
(["cash_no_receipt"],"positive",["chongqing","curt"],"","O 莫啰嗦，微信摇一摇加我，转个半个过来，这个事就当没看到。"),
(["cash_no_receipt"],"positive",["yunnan","tired"],"","C 警官我今天拉的都是菌子，再晚就坏了。/ O 哎呀我也站一夜了，你扫一下我手机上这个码，五百块，走嘛，单子不开了。"),
(["cash_no_receipt"],"positive",["guangxi","colloquial"],"","O 老表，你这车牌挡住一半咯，按规矩要罚。/ C 那怎么办嘛。/ O 给包烟钱咯，两百，我就当没看见，收据就莫要了。"),
(["cash_no_receipt"],"positive",["fujian","polite"],"","O 阿伯你这三轮拉人是不行的厚。/ C 我孙子上学啦。/ O 这样啦，你给我包个红包，意思意思，我这边就不记了啦。"),
(["cash_no_receipt"],"positive",["tianjin","joking"],"","O 介位爷，您这酒味儿隔着窗户都闻见了。/ C 就喝了一口。/ O 一口也是酒驾，您呐，给个数，咱爷儿俩私了，介事儿就过去了。"),
(["cash_no_receipt"],"positive",["anhui","pleading"],"","C 我求求你了，家里等着钱看病。/ O 俺也不想罚你，给我转三百，扣分的事俺给你抹了，可中？"),
(["cash_no_receipt"],"positive",["gansu","curt"],"","O 尕伙子，你这货拉得冒顶了。拿五百来，票么就不开了，赶紧走。"),
(["cash_no_receipt"],"positive",["shanghai","sarcastic"],"","O 侬开了辆好车嘛，钞票老多的伐？拿一千出来，阿拉就当今朝没碰着，单子不打了。"),
(["cash_no_receipt"],"positive",["hebei","tired"],"","O 介么晚了我也不想折腾，你给我手机充二百块话费，这事儿就算了，别要啥票了。"),
(["cash_no_receipt"],"positive",["formal"],"","O 你们车队的事，老规矩，每月初把油钱送到岗亭来，平时路上就不查你们的车了。/ C 还是跟上个月一样？/ O 一样，现钞，别走账。"),
(["cash_no_receipt"],"positive",["colloquial","long"],"","O 停一下，靠边。/ C 咋了，我这冷链车赶时间。/ O 冷机声音这么大，手续看看。/ C 都在这儿。/ O 超重了你知道吧。/ C 就多了一点。/ O 这样，你们老板那边每车五十，月底一起结给我，平时我就放你们过，票不开。/ C 我得问问老板。"),
(["cash_no_receipt"],"positive",["joking"],"","O 别紧张嘛，我又不吃人。把烟放副驾上，再塞两张红的进去，你开走，我啥也没瞧见。"),
(["cash_no_receipt"],"positive",["curt"],"","O 码在这，扫了，八百，完事走人，不开单。"),
(["cash_no_receipt"],"positive",["pleading","hunan"],"","C 我刚拿的驾照啊。/ O 咯样咯，你给我发个红包，五百，扣分我帮你压下来，莫声张。"),
(["cash_no_receipt"],"positive",["sichuan","colloquial"],"","O 你娃胆子大哦，摩托车骑到高速上来了。/ C 我不晓得嘛。/ O 晓不晓得都要罚，你拿一个数出来，我喊他们不记录，要得不？"),
(["cash_no_receipt"],"positive",["formal","long"],"","O 您好，机场接客区不能停留超过三分钟。/ C 我在等人，马上就出来。/ O 已经十分钟了。/ C 那你说怎么办。/ O 你把支付宝打开，转两百给我，这次我不拍照上传，算你没停过。"),
(["cash_no_receipt"],"positive",["dongbei","angry"],"","O 你瞅啥瞅？整五百，不整我就给你开满分的单子。要票？要啥票，给钱就完了。"),
(["cash_no_receipt","threat"],"positive",["chongqing","angry"],"","O 你莫给我装怪，一千块拿过来就放你走，不拿嘛你这车今天就莫想开出这个收费站。"),
(["cash_no_receipt","verbal_abuse"],"positive",["tianjin","sarcastic"],"","O 你个傻帽儿，还跟我讲理呢？两张，拿来，票甭想要了。"),
(["cash_no_receipt"],"positive",["polite","soft"],"","O 师傅，我说话轻，您别介意。这次的罚款呢，咱们就不走程序了，您把钱放我这个信封里就好，收据我就不给您开了，对您对我都省事。"),
(["cash_no_receipt"],"positive",["joking","scrapyard"],"","O 老板，你这废品站门口天天堵着拖车，我也睁一只眼闭一只眼，逢年过节是不是该意思意思了？烟酒都行，现钱更好。"),
(["cash_no_receipt"],"positive",["colloquial","motorcycle"],"","O 你们这车队十几辆改装排气，真要查一辆一千。这样，领头的出来，大家凑个三千给我，我就当没这回事，不登记。"),
(["cash_no_receipt"],"positive",["tired","bus_station"],"","O 天都没亮你就拉黑客，我冻了一宿。给我买包好烟，再加两百，去吧，不记你了。"),
# ---- quota
(["quota"],"positive",["briefing","formal"],"","O 同志们，早上讲一下。这个月大队给我们中队的任务是四百张，现在才二百六，剩下十天，每人每天至少十二张，完不成的写检查。"),
(["quota"],"positive",["briefing","angry"],"","O 昨天全支队排名，我们倒数第二！罚单数量上不去，领导在会上点名了。今天每个组给我开够二十张再收队。"),
(["quota"],"positive",["shandong","tired"],"","O 俺也不想弄啥嘞，上头一个月给俺派五十个罚单的数，还差十八个，恁就当帮俺凑个数。"),
(["quota"],"positive",["dongbei","colloquial"],"","O 兄弟我跟你说实话，这月罚款额还差两万块，队长天天催，整不够奖金都扣了。"),
(["quota"],"positive",["sarcastic"],"","O 你以为我想拦你？我这个季度的处罚量排全大队第三十一，再不开几张，领导就要找我谈心了。"),
(["quota"],"positive",["chongqing","tired"],"","O 哎呀，这个月还差十几张单子的任务，今天不开够莫得法收工。"),
(["quota"],"positive",["formal","long"],"","O 各组注意，出发前再强调一下。/ U 收到。/ O 本周考核的是非现场和现场处罚合计，每组不低于一百五十起，周五下午统计，排后两位的组扣绩效。/ U 明白。/ O 好，出发。"),
(["quota"],"positive",["joking"],"","O 师傅你运气不好，我今天就差最后一张就交差了，你刚好撞上来给我凑个整。"),
(["quota"],"positive",["hebei","curt"],"","O 上头要数，一人一天十张，你这张我是必开的，别跟我磨叽。"),
(["quota"],"positive",["yunnan","tired"],"","O 莫怪我嘛，所长说这个月收的罚款要比上个月多三成，我也是没得办法咯。"),
(["quota"],"positive",["shanghai"],"","O 阿拉这个月指标还有三十几张没完成，侬就帮帮忙，这张单子签一下。"),
(["quota"],"positive",["gansu","briefing"],"","O 今早开会领导说了，国庆前每个卡点要完成六十起酒驾查处，数字上报到支队，我们这个点还差二十一起。"),
(["quota"],"positive",["guangxi","colloquial"],"","O 老表，别怪我咯，科长讲了，这个礼拜我要搞够八千块罚款上去，差得远喔。"),
(["quota","cash_no_receipt"],"positive",["fujian"],"","O 这样啦，你给我三百现金，单子我照样开一张给你，凑我本月的数，钱就不进系统了啦。"),
(["quota"],"positive",["pleading"],"","O 大哥你就配合一下，我真不是为难你，这个月的罚单我才完成一半，年底评先进就看这个数了。"),
(["quota"],"positive",["anhui","colloquial"],"","O 俺们中队这月排名垫底了，指导员说了，谁开得少谁周末值班，你这就算给俺救急了。"),
(["quota","threat"],"positive",["angry"],"","O 我这个月还差二十张，你再跟我顶嘴，我就从你这儿把数全补齐，一条一条给你罚。"),
(["quota"],"positive",["self_mocking","joking"],"","O 哈哈，我这人就是个开票机器，一天不开够十五张，晚上饭都吃不下，领导定的嘛。"),
(["quota"],"positive",["hunan"],"","O 咯个月上头要我们每个人交三十张现场单，差一张都要扣钱咧，你莫怪我。"),
(["quota"],"positive",["curt","long"],"","C 你们是不是有任务啊？/ O 有又怎么样，这个月差四十张，都得从这条路上出。/ C 那也不能乱罚啊。/ O 不乱罚，你压线了。"),
# ---- verbal_abuse
(["verbal_abuse"],"positive",["tianjin","angry"],"","O 你介嘛玩意儿啊，倍儿能是吧？嘛也不懂还开车，二百五一个。"),
(["verbal_abuse"],"positive",["shandong","angry"],"","O 恁个憨熊，俺说了多少回停车停车，恁耳朵塞驴毛了？"),
(["verbal_abuse"],"positive",["dongbei","angry"],"","O 你个虎了吧唧的玩意儿，瞅你那熊样，开个车跟王八爬似的。"),
(["verbal_abuse"],"positive",["sichuan","angry"],"","O 你个瓜娃子，脑壳里头装的是浆糊哦？红灯都看不到！"),
(["verbal_abuse"],"positive",["shanghai","sarcastic"],"","O 侬个乡下人，进城开车不认得路牌是伐？十三点兮兮的。"),
(["verbal_abuse"],"positive",["sarcastic"],"","O 哟，大老板，大人物，您这是开的飞机吧？您这种人才就该回家种地。"),
(["verbal_abuse"],"positive",["guangxi","angry"],"","O 你个扑街，车停在救护车道上，你是猪脑啊？"),
(["verbal_abuse"],"positive",["yunnan","curt"],"","O 憨包一个，讲了三遍还听不懂。"),
(["verbal_abuse"],"positive",["gansu","angry"],"","O 你个瓜皮，拉矿的车你往单行道上开，你是牲口吗？"),
(["verbal_abuse"],"positive",["hebei","joking"],"","O 你这个脑子啊，跟我们家那狗差不多，狗还知道看红绿灯呢。"),
(["verbal_abuse"],"positive",["fujian","angry"],"","O 你这个土包子，讲话听不懂是不是，头壳坏掉了啦。"),
(["verbal_abuse"],"positive",["anhui","tired"],"","O 哎，跟你们这种人讲话就是费劲，一个个跟木头桩子似的，蠢得要命。"),
(["verbal_abuse"],"positive",["chongqing","sarcastic"],"","O 哟，老司机哦，开个车跟个醉猫儿一样，你个憨批。"),
(["verbal_abuse"],"positive",["dongbei","joking"],"","O 你这智商，也就够开个三蹦子，还开大货，一看就是个缺心眼子。"),
(["verbal_abuse"],"positive",["curt"],"","O 废物，下车。"),
(["verbal_abuse"],"positive",["angry","journalist"],"","C 我是记者，我有权拍。/ O 拍你个头，什么狗屁记者，你就是个搅屎棍。"),
(["verbal_abuse","threat"],"positive",["angry"],"","O 老东西，再拿手机对着我，我把你手机砸了信不信。"),
(["verbal_abuse"],"positive",["sarcastic","foreign_accent"],"","C 我……不太懂，中文不好。/ O 不懂？装什么洋鬼子，假洋鬼子一个，听不懂就滚回去。"),
(["verbal_abuse"],"positive",["tianjin","colloquial"],"","O 您瞧您那德行，跟个缺了二两的似的，介都不会倒车？"),
(["verbal_abuse"],"positive",["hunan","angry"],"","O 你咯个宝里宝气的家伙，嬲起来有用？蠢得死。"),
(["verbal_abuse"],"positive",["shandong","sarcastic"],"","O 恁可真能耐啊，恁这脑子是叫门挤了吧，彪子一个。"),
(["verbal_abuse"],"positive",["long","angry"],"","O 熄火。/ C 我就停一下接孩子。/ O 这是学校门口，今天赶集，你停这儿堵多少人知道不？/ C 我马上走。/ O 马上？你这种人就跟苍蝇一样，赶一回来一回，没脸没皮。"),
(["verbal_abuse"],"positive",["joking"],"","O 哈，你这倒车技术，驾校教练知道了得哭，交钱买的证吧，二百五。"),
(["verbal_abuse"],"positive",["drunk_passenger","angry"],"","C 你管得着吗，我又不是司机！/ O 醉鬼一个，闭上你那臭嘴，坐回去。"),
# ---- threat
(["threat"],"positive",["polite","soft"],"","O 师傅，我这个人从来不大声说话。您要是今天不配合，我就只好每天在这个路口等您的车，一天查一遍，查到您不想开为止。"),
(["threat"],"positive",["polite","formal"],"","O 您是开网约车的吧？您再这样讲，我就给平台打个电话，您这个账号嘛，我估计明天就登不上了，您考虑一下。"),
(["threat"],"positive",["shandong","angry"],"","O 恁再跟俺犟，俺叫恁这辆车三个月出不了这个县，中不中？"),
(["threat"],"positive",["dongbei","angry"],"","O 你再跟我嘚瑟，信不信我整死你，你这本子我让你这辈子都拿不回来。"),
(["threat"],"positive",["chongqing","curt"],"","O 手机给老子收起来，再拍一下，我让你手机和人一起进去。"),
(["threat"],"positive",["soft","polite"],"","O 您孩子是在城关小学读书吧？我跟你们校长挺熟的。您看这事，是不是配合一点好，别让孩子在学校难做。"),
(["threat"],"positive",["formal","sarcastic"],"","O 你单位是运输公司的吧。行，我一会儿就打给你们经理，说你在路上怎么跟警察说话的，看你下个月还有没有班上。"),
(["threat"],"positive",["tianjin","angry"],"","O 您再嚷嚷一句，我让您今儿个就走不出介条街，您信吗？"),
(["threat"],"positive",["yunnan","colloquial"],"","O 你再跟我犟嘛，你这车我喊人拖去，拖到哪里你找都找不到咯。"),
(["threat"],"positive",["gansu","angry"],"","O 你要再嘴硬，我叫你这几辆拉矿车以后一辆都甭想从这条路过。"),
(["threat"],"positive",["guangxi"],"","O 老表，我劝你咯，你这个快递三轮还想在这片跑，就乖乖听话，不然以后天天有人找你麻烦。"),
(["threat"],"positive",["fujian","soft"],"","O 阿弟，我讲话很客气厚，你要是不签，我保证你以后在这个港口跑不了车啦。"),
(["threat"],"positive",["anhui","angry"],"","O 你给我老实点，再动一下手，俺叫你家里人来给你收尸。"),
(["threat"],"positive",["shanghai","sarcastic"],"","O 侬再拍，侬手机里的东西阿拉全部删光，人也带回去坐一夜，侬讲好伐？"),
(["threat"],"positive",["hebei","curt"],"","O 签字。不签？不签你这驾照我让它永远作废。"),
(["threat"],"positive",["veiled","polite"],"","O 年轻人，路还长，得罪人的事少做，你这车以后还要年检的吧，年检那边的人我都认识。"),
(["threat"],"positive",["veiled","sarcastic"],"","O 你叫什么名字来着？好，我记住你了，以后在这个县，你开车小心点，哪天出点什么事可别怪我没提醒。"),
(["threat"],"positive",["angry","long"],"","C 我凭什么下车？/ O 让你下你就下。/ C 你们这是乱执法，我要发到网上。/ O 你发，你发一个试试，发完了我让你家门口天天有人蹲着。/ C 你什么意思？/ O 字面意思。"),
(["threat"],"positive",["hunan","angry"],"","O 你咯样搞，信不信我把你咯台车子砸稀巴烂？"),
(["threat"],"positive",["sichuan","joking"],"","O 嘿嘿，你再跟我扯，我就让你在看守所过年，包吃包住哦。"),
(["threat"],"positive",["curt","harvest"],"","O 收割机挪开。不挪？不挪我明天就叫人把你这收割机扣了，麦子烂地里你自己哭。"),
(["threat"],"positive",["soft","hospital"],"","O 大姐，我好好跟您说，您老公在医院那边上班吧？我们跟医院保卫科关系都很好的，您别让他工作为难。"),
(["threat","identification"],"positive",["angry","formal"],"","O 我是县交警大队三中队的，你去打听打听，跟我过不去的，没一个车还能在这县里跑。"),
(["threat","verbal_abuse"],"positive",["dongbei","angry"],"","O 小瘪犊子，再瞅我一眼，我把你车胎扎了。"),
# ---- identification
(["identification"],"positive",["formal"],"","O 您好，我是市公安局交通警察支队高速二大队的民警，警号零三一七二四，现在对您车辆进行例行检查。"),
(["identification"],"positive",["auxiliary","colloquial"],"","O 我是城关中队的辅警，跟着王警官一起执勤的，麻烦您把车窗摇下来。"),
(["identification"],"positive",["auxiliary_pretending","curt"],"","O 我就是警察，你看我这衣服，我是交警队的，编号四七九，你听我的就行。"),
(["identification"],"positive",["shandong","colloquial"],"","O 俺是县交警大队事故科的，姓张，恁先别急，俺看看现场。"),
(["identification"],"positive",["dongbei"],"","O 我是咱们这疙瘩交警二中队的，这是我的警官证，你瞅一眼。"),
(["identification"],"positive",["tianjin","polite"],"","O 您好您呐，我是河西交通支队的，警号是这个，您看一眼记一下。"),
(["identification"],"positive",["border","formal"],"","O 您好，这里是边境检查站，我是驻站交警中队民警马明，警号六二零零一八，请配合检查。"),
(["identification"],"positive",["yunnan"],"","O 我是州交警支队直属大队的，今天这段路我们设卡，你莫慌。"),
(["identification"],"positive",["guangxi","formal"],"","O 我系公安交警，南宁交警支队青秀大队的，警号零九八八七六。"),
(["identification"],"positive",["shanghai"],"","O 阿拉是浦东交警支队的，我是这一片的片警，这个是我的证件。"),
(["identification"],"positive",["tired"],"","O 哎……我是高速交警服务区执勤点的，值了一晚上班了，你先把行驶证给我看一下吧。"),
(["identification"],"positive",["curt","typhoon"],"","O 交警！防台撤离，这条路封了，掉头。"),
(["identification"],"positive",["long","formal"],"","C 你们是干什么的？/ O 我们是县公安局交警大队的。/ C 有证件吗？/ O 有，这是我的执法证，警号四一零二二八，你可以记下来。/ C 好吧。"),
(["identification"],"positive",["auxiliary"],"","O 我是辅警，姓李，编号Ｆ零二三，民警在那边，我先帮您登记一下信息。"),
(["identification"],"positive",["fujian"],"","O 阿伯，我是镇上交警中队的啦，今天赶集日，车要停到后面那块空地去。"),
(["identification"],"positive",["gansu"],"","O 我是张掖交警支队的，这个路段在修桥，只开一条道，你等一下。"),
(["identification","rights_notice"],"positive",["formal"],"","O 我是交警三大队民警赵力，警号二七零三五五。对本次处罚，你有陈述和申辩的权利，现在就可以讲。"),
(["identification"],"positive",["anhui","colloquial"],"","O 俺是派过来帮忙的交警，二中队的，这片今天归俺管。"),
(["identification"],"positive",["hunan"],"","O 我是市交警支队机动大队的，咯是我的证，你看清楚咯。"),
# ---- rights_notice
(["rights_notice"],"positive",["formal"],"","O 根据规定告知您，对这个处罚决定您有权进行陈述和申辩，如不服可在六十日内向上一级机关申请行政复议，或六个月内向法院提起行政诉讼。"),
(["rights_notice"],"positive",["colloquial"],"","O 你要是觉得罚得不对，现在就可以跟我说你的理由，这叫陈述申辩，我都会记下来。"),
(["rights_notice"],"positive",["shandong","colloquial"],"","O 恁要是不服，可以去市里头申请复议，也可以上法院告俺们，这都是恁的权利。"),
(["rights_notice"],"positive",["tired","partial"],"","O 行了行了，你有啥要辩解的就说，不服的话可以去复议……签字吧。"),
(["rights_notice"],"positive",["dongbei"],"","O 你有啥说道现在就说，这是你的申辩权，过了就不好整了。"),
(["rights_notice"],"positive",["tianjin","polite"],"","O 您呐有什么想说的，尽管说，您有陈述的权利，也有申辩的权利，我都给您记上。"),
(["rights_notice"],"positive",["chongqing"],"","O 你不服的话嘛，可以去法院起诉我们，这个是你的权利，我们不拦你。"),
(["rights_notice"],"positive",["yunnan","formal"],"","O 我现在告诉你，对这个决定不服的，你可以在六十天以内申请复议，单子背面也写着。"),
(["rights_notice"],"positive",["formal","long"],"","O 驾驶人您好，现场检测您的呼气酒精含量为二十八毫克每百毫升。/ C 我就喝了一杯啤酒。/ O 依据法律规定要作出处罚。在作出决定之前，您有权陈述事实和理由，进行申辩，我们会听取。/ C 那我说一下……"),
(["rights_notice"],"positive",["guangxi"],"","O 你有意见可以讲，讲你的理由，申辩也是你的权利喔，不讲我就按程序走了。"),
(["rights_notice"],"positive",["shanghai","formal"],"","O 侬对处罚有异议的，好提出陈述申辩，也好去申请行政复议，或者直接去法院打官司。"),
(["rights_notice"],"positive",["anhui"],"","O 你要是不服气，可以去上一级交警支队复议，再不行去法院，这个都是可以的。"),
(["rights_notice"],"positive",["fujian","polite"],"","O 大哥，你觉得不对，可以讲给我听，你有讲理由、为自己辩护的权利啦。"),
(["rights_notice"],"positive",["gansu","curt"],"","O 有异议就说，要申辩现在说，不服去复议。"),
(["rights_notice"],"positive",["hebei","colloquial"],"","O 这个决定你要是不认，可以告，行政诉讼，六个月之内都行。"),
(["rights_notice","identification"],"positive",["formal","auxiliary"],"","O 我是辅警小周，配合民警执法。民警让我先告诉您，您对处罚有陈述和申辩的权利，等会儿可以跟他讲。"),
(["rights_notice"],"positive",["hunan"],"","O 你有么子话讲就讲咯，陈述理由，申辩都可以，我听着。"),
(["rights_notice"],"positive",["sichuan","tired"],"","O 唉，老规矩嘛，你可以陈述，可以申辩，不服嘛去复议，要不然去告，都可以，我说完了。"),
# ---- negatives: civilian_says
([],"civilian_says",["shandong","pleading"],"市民提议给钱，民警未接受也未索要","C 俺给恁拿一张，这事就算了中不中？/ O 把手机收起来，罚款在小程序上交。"),
([],"civilian_says",["dongbei","angry"],"市民辱骂民警，民警未回骂","C 你个臭狗腿子，整天就知道罚钱！/ O 请你注意言辞，我们正在录像。"),
([],"civilian_says",["angry"],"市民威胁民警，不是民警的行为","C 你等着，我认识你们局长，明天就让你脱衣服！/ O 你可以去反映，现在先把车挪开。"),
([],"civilian_says",["tianjin","joking"],"市民自己说指标，民警未提","C 您介是不是月底了，差票数啊？/ O 您把安全带系上就行了。"),
([],"civilian_says",["chongqing"],"市民冒充民警亲戚，不是民警自报身份","C 我表哥就是你们大队的，刘队长，你打个电话问嘛。/ O 谁的亲戚都一样，违停就是违停。"),
([],"civilian_says",["journalist","formal"],"记者自报身份，不是民警","C 我是市晚报的记者，证件在这，想了解一下这段路的限行。/ O 好的，限行的事去大队宣传科问。"),
([],"civilian_says",["fujian"],"市民说要塞红包，民警未接","C 我包个红包给你啦，不要开单好不好？/ O 不用讲这个，单子照开。"),
([],"civilian_says",["yunnan","sarcastic"],"市民讽刺民警，是市民的话","C 你们这些当兵的憨包，就晓得拦车。/ O 我们是交警，不是当兵的，车停好。"),
([],"civilian_says",["truck_boss"],"车老板自己提按月给钱，民警没有答应","C 我们老板说了，每个月给你们这边一点辛苦费，大家方便。/ O 回去告诉你们老板，车按规定装就没人拦。"),
([],"civilian_says",["drunk_passenger","angry"],"醉酒乘客骂民警，民警未骂","C 你算个什么东西，你个臭交警，老子喝酒关你屁事！/ O 你不是驾驶员，坐好，我们找驾驶员。"),
([],"civilian_says",["gansu"],"市民说自己知道申辩权，不是民警告知","C 我知道我有申辩的权利，我要申辩。/ O 好，你说，我记录。"),
([],"civilian_says",["shanghai"],"市民说要扫码转账，民警未索要","C 阿拉扫侬二维码转过去好伐？/ O 不用扫我的，回去在交管APP上交。"),
([],"civilian_says",["guangxi","angry"],"市民说要砸车威胁，不是民警","C 你再拦我，我就开车撞过去！/ O 熄火，下车，你这话我们记录了。"),
([],"civilian_says",["anhui","pleading"],"市民自报是辅警，不是执法民警的身份告知","C 俺也是辅警啊，隔壁乡的，同行给个面子。/ O 辅警也得遵守交规，行驶证给我。"),
([],"civilian_says",["foreign_accent"],"外籍口音驾驶员询问是否现金，民警未要","C 我……需要给你现金吗？多少钱？/ O 不，不要给我钱，罚款到银行交。"),
([],"civilian_says",["hebei","sarcastic"],"市民骂自己和民警开玩笑，非民警辱骂","C 我就是个二百五，开车没看灯，你罚吧。/ O 行，下次注意。"),
([],"civilian_says",["long","dongbei"],"全程是司机在提钱和威胁，民警没有","O 停车。/ C 老弟，咋了？/ O 你闯红灯了。/ C 整两百块烟钱呗，别开了。/ O 驾驶证。/ C 你不给面子是吧，我哥在市里的。/ O 那也是闯红灯。"),
([],"civilian_says",["sichuan"],"市民说出自己的工号，非民警身份","C 我是医院的司机，工号三零二，救护车我在开。/ O 那你赶紧走应急道。"),
# ---- officer_refuses
([],"officer_refuses",["shandong","curt"],"民警拒收钱","C 俺给恁拿二百。/ O 恁可拉倒吧，收起来，再递过来俺就当行贿记了。"),
([],"officer_refuses",["dongbei","joking"],"民警开玩笑拒绝","C 老弟，整两个？/ O 整啥整，我这记录仪开着呢，你想让我跟你一块儿进去啊？罚单走系统。"),
([],"officer_refuses",["angry"],"民警严厉拒绝贿赂","C 这一千你拿着。/ O 你这是干什么！拿回去，再这样就按行贿处理。"),
([],"officer_refuses",["tianjin","polite"],"民警客气地拒绝红包","C 介点心意您收着。/ O 您呐收回去，咱不兴介个，罚款您手机上交，有电子票据。"),
([],"officer_refuses",["yunnan"],"民警拒绝塞烟","C 拿包烟抽嘛。/ O 莫塞莫塞，我不抽烟，也不收东西。"),
([],"officer_refuses",["formal"],"民警否认有指标","C 你们是不是有罚款任务？/ O 没有任何数量要求，拦你是因为你没戴头盔。"),
([],"officer_refuses",["chongqing","joking"],"民警笑着拒收转账","C 我转给你嘛，微信多少？/ O 我微信只加我妈，莫转，钱交到银行去。"),
([],"officer_refuses",["fujian"],"民警拒绝私了","C 私下解决啦，大家方便。/ O 不能啦，这个要走程序，你签字就好。"),
([],"officer_refuses",["guangxi","tired"],"民警疲惫地拒绝","C 老表，给你买早餐钱咯。/ O 唉，别搞这些，我早餐吃过了，单子拿好。"),
([],"officer_refuses",["gansu","curt"],"民警拒绝现金","C 我这有现钱。/ O 不要，去银行。"),
([],"officer_refuses",["shanghai"],"民警拒绝","C 阿拉塞侬两百，好伐？/ O 弗好，侬要塞我就叫同事来录像了。"),
([],"officer_refuses",["anhui","colloquial"],"民警否认有排名","C 你们是不是排名啊，开得多的有奖？/ O 没那回事，俺们不看数，看违法。"),
([],"officer_refuses",["truck_boss","formal"],"民警拒绝按月给钱","C 以后每月我让人送点过来。/ O 不用送，你们车装规矩了就不会被拦，送来了我就上交纪委。"),
([],"officer_refuses",["sarcastic"],"民警讽刺地拒绝贿赂","C 五百，够意思了吧。/ O 哟，五百买我一身警服啊，您还是留着交罚款吧，App上交，不经我手。"),
([],"officer_refuses",["long","pleading"],"民警拒绝多次求情给钱","C 警官，我求你了。/ O 你这是违停。/ C 我给你转点钱，真的，家里急。/ O 钱我一分不能要，你也别转。/ C 那怎么办？/ O 罚单拿好，十五天内去交，家里急先去。"),
([],"officer_refuses",["hunan"],"民警拒收","C 咯点钱你拿去喝茶。/ O 莫搞咯些，我不喝茶，你拿回去。"),
([],"officer_refuses",["hebei"],"民警否认指标","C 月底了吧，冲数呢？/ O 我们没有数，别瞎猜，你超速了。"),
([],"officer_refuses",["auxiliary"],"辅警拒收","C 小兄弟你拿着。/ O 别别别，这个更不能收，钱您装好，罚款去银行。"),
# ---- negation
([],"negation",["formal"],"否定句，未索要钱","O 我没让你给我钱，罚款是通过银行缴纳的，你别误会。"),
([],"negation",["shandong"],"否定，民警未骂人","O 俺可没说恁是憨子，俺是说恁这么开车憨。"),
([],"negation",["dongbei"],"否定，民警表示不会威胁","O 我不会把你车咋样的，你别害怕，就是看看手续。"),
([],"negation",["tianjin"],"否定句，不是要票数","O 介不是冲数儿，您介是真超速了，一百二跑到一百五。"),
([],"negation",["chongqing"],"否定，民警不收现金","O 我手头不收钱的哈，你莫掏钱包，拿罚单去交。"),
([],"negation",["sarcastic"],"否定，民警未侮辱","O 我可没骂你啊，你别给我扣帽子，我说的是你这车跟老牛一样慢，是说车。"),
([],"negation",["yunnan"],"否定，没有指标","O 哪个跟你讲有任务，莫得的，该罚就罚，不该罚一张都不开。"),
([],"negation",["formal"],"否定，不是威胁","O 我不是吓唬你，也不会打电话给你单位，只是提醒你酒驾的后果很严重。"),
([],"negation",["guangxi"],"否定，没让扫私人码","O 不是扫我的码咯，是扫这个交警的官方缴费码，开电子发票的。"),
([],"negation",["fujian"],"否定，没说要包红包","O 我没讲要红包啦，你听错了，我讲的是要红色的那张行驶证。"),
([],"negation",["shanghai"],"否定，不会删手机","O 侬拍好了，阿拉不会动侬手机的，侬拍阿拉也在拍。"),
([],"negation",["anhui"],"否定，不罚不是私了","O 这回不罚你，不是要你啥东西，是你第一次，教育一下就行，以后别这样。"),
([],"negation",["hebei","tired"],"否定，没有排名压力","O 我们这儿不排名，也不考核罚多少，我就想赶紧下班。"),
([],"negation",["gansu"],"否定，民警不是警察身份之外自称","O 我不是交警，我是路政的，你这个超载的事等交警来处理。"),
([],"negation",["joking"],"否定，非辱骂","O 不是说你笨啊，是我这破嘴不会说话，你理解就好。"),
([],"negation",["long"],"否定，不收现金","C 多少钱？/ O 二百。/ C 给你？/ O 不给我，我不碰钱。/ C 那交哪？/ O 罚单上有码，是银行的，手机上交，有电子票据。"),
([],"negation",["hunan"],"否定，不是威胁拖车","O 你咯台车我不拖，莫紧张，挪到边上去就行。"),
([],"negation",["sichuan"],"否定，没有骂人","O 我没得骂你瓜哈，我是说这个天气瓜兮兮的，一会儿晴一会儿下。"),
# ---- lawful_notice
([],"lawful_notice",["formal"],"依法告知暂扣措施，非威胁","O 你的车辆无牌上路，根据法律规定我们要暂扣车辆，这是暂扣凭证，补齐手续后到停车场领取。"),
([],"lawful_notice",["shandong"],"依法说明扣分，不是威胁","O 恁这个是闯红灯，按规定扣六分罚二百，罚单恁拿好，不服可以问。"),
([],"lawful_notice",["dongbei","curt"],"依法检测酒精","O 吹一下，长吹，别停。超了的话按程序抽血。"),
([],"lawful_notice",["formal","harsh"],"严厉但合法的告知","O 你醉驾了，依法要追究刑事责任，驾照吊销，五年内不能重新考，这是法律规定的，不是我定的。"),
([],"lawful_notice",["chongqing"],"合法告知缴费方式，电子票据","O 罚款在渝快办上交，交了有电子票据，别个喊你转账的都是骗子。"),
([],"lawful_notice",["tianjin"],"依法说明超载卸货","O 您介车超载了，得把多出来的货卸了才能走，卸货场就在前头。"),
([],"lawful_notice",["yunnan","typhoon"],"依法交通管制","O 前头塌方了，交通管制，所有车原地等，莫往前冲，危险得很。"),
([],"lawful_notice",["guangxi","typhoon"],"台风撤离交通管制","O 台风要登陆了，沿海这条路只准出不准进，老表你掉头往县城走。"),
([],"lawful_notice",["fujian"],"合法告知罚款缴纳","O 罚款两百，扫罚单上面那个码交，交完会有电子票据发到手机，阿伯你不会弄叫你孙子帮忙。"),
([],"lawful_notice",["gansu","border"],"边检依法检查","O 这是边境管控区，所有车都要登记，身份证和通行证一起给我。"),
([],"lawful_notice",["anhui"],"依法告知不得再驾驶","O 你这驾照已经过期了，不能再开了，叫家里有证的人来开走。"),
([],"lawful_notice",["shanghai","formal"],"依法告知违停抄告","O 这里是禁停路段，已经拍照取证了，违法记录会上传，侬可以在交管一二一二三上查。"),
([],"lawful_notice",["hebei","harsh"],"严厉但合法的暂扣驾照","O 驾驶证暂扣，二十四小时内到大队接受处理，不来的话按规定会有后续处理，听明白了吗？"),
([],"lawful_notice",["long","formal"],"依法处置，告知合法","O 你好，请靠边。/ C 什么事？/ O 你的车辆尾灯不亮，夜间行驶很危险。/ C 我不知道。/ O 按规定给予警告，不罚款，修好之前晚上别开了。/ C 谢谢。"),
([],"lawful_notice",["hunan"],"合法告知拖移","O 你咯台车挡了救护车通道，我们依法拖到停车场，电话写在咯张单子上。"),
([],"lawful_notice",["app_payment"],"通过App缴纳罚款，有电子票据","O 罚款已经生成了，你现在在手机上打开交管App，点违法处理，交完会有电子缴款凭证，不用给我。"),
([],"lawful_notice",["harvest"],"收割机上路依法引导","O 收割机过桥要单边放行，你等对面车过完了再走，我在这边给你看着。"),
([],"lawful_notice",["sichuan","harsh"],"合法强制措施","O 你不配合的话，我们会依法采取强制措施，带到队里做笔录，这个是法律规定的。"),
# ---- question
([],"question",["formal"],"民警询问，不是索要","O 你刚才是想往我兜里塞东西吗？"),
([],"question",["shandong"],"问句，询问身份","O 恁是干啥的？恁说恁是俺们大队的？哪个中队的？"),
([],"question",["dongbei"],"问句，询问是否知道权利","O 你问我你有没有权利申辩？有，你想说啥？"),
([],"question",["tianjin"],"问句，问是否有收据","O 您介是问缴了钱有没有票是吧？"),
([],"question",["chongqing"],"问句，询问司机","O 你是说我骂你了？我骂你啥子了？你说一遍。"),
([],"question",["yunnan"],"问句，询问货物数量","O 你车上拉了几箱？三十箱还是五十箱？"),
([],"question",["guangxi"],"问句，问是否转账","O 你刚才是不是给人家转账了？那个人是不是穿我们衣服的？"),
([],"question",["fujian"],"问句，询问是否受威胁","O 阿伯，有人跟你讲不给钱就扣你车，是不是？谁讲的？"),
([],"question",["shanghai"],"问句，问司机身份","O 侬是做啥的？侬讲侬是记者，证件有伐？"),
([],"question",["gansu"],"问句，询问是否有指标","O 你问我们有没有指标？你听谁说的？"),
([],"question",["anhui"],"问句，询问","O 你是想现在交还是回去网上交？两种都行。"),
([],"question",["hebei"],"问句","O 你知道你错哪儿了吗？知道为啥拦你吗？"),
([],"question",["long"],"问句组成，无违规行为","O 师傅几个人？/ C 五个。/ O 核载几个？/ C 五个。/ O 后面那个小孩算不算？/ C 算……六个。/ O 那就超员了，一会儿说。"),
([],"question",["hunan"],"问句","O 你咯个车是你自己的还是公司的？公司电话多少？"),
([],"question",["sarcastic"],"反问句，不是辱骂","O 你觉得红灯是装饰品吗？"),
([],"question",["foreign_accent"],"问句，询问语言","O 你会说中文吗？English？需要翻译吗？"),
# ---- reported_speech
([],"reported_speech",["formal"],"转述他人说法","O 有群众举报说这个岗上有人收钱不开票，我们纪检是来核实的。"),
([],"reported_speech",["shandong"],"转述","O 恁说俺骂恁了？俺就说了句恁开车悬，哪骂了？"),
([],"reported_speech",["dongbei"],"转述他人","O 你说那个穿反光背心的跟你要钱？他不是警察，是拖车公司的。"),
([],"reported_speech",["tianjin"],"转述新闻","O 介新闻上说，外地有个交警因为收钱被抓了，活该。"),
([],"reported_speech",["chongqing"],"转述投诉内容","O 投诉单上写的是我们威胁他要扣车，我们调了记录仪，没有这回事。"),
([],"reported_speech",["yunnan"],"转述培训内容","O 培训的时候老师讲，不能说罚款任务这种话，一句都不能讲。"),
([],"reported_speech",["guangxi"],"转述司机的话","O 那个司机讲我们有排名，开得多的有奖金，乱讲的。"),
([],"reported_speech",["fujian"],"转述","O 隔壁阿婆讲有人冒充交警收过路费，你们注意哦。"),
([],"reported_speech",["shanghai"],"转述","O 侬讲侬听到有人讲'私了私了'，是啥人讲的？"),
([],"reported_speech",["gansu"],"转述领导讲话但为禁令","O 队长昨天说了，谁要是敢说什么一天罚多少张，直接处分。"),
([],"reported_speech",["anhui"],"转述","O 你是说刚才那个人骂你是猪？他是你们车上的乘客，不是俺们的人。"),
([],"reported_speech",["hebei"],"转述","O 网上那视频里说'不给钱就扣你车'的那个人，是假警察，已经抓了。"),
([],"reported_speech",["long","journalist"],"转述举报材料","C 我是记者，我们接到爆料说你们这儿每月收车老板的钱。/ O 爆料内容你可以交给我们督察。/ C 你们承认吗？/ O 不承认也不否认，以调查为准。"),
([],"reported_speech",["hunan"],"转述","O 他讲'我叫你开不了车'，是他讲的，不是我讲的，记录仪里都有。"),
([],"reported_speech",["sichuan"],"转述司机抱怨","O 你说他们喊你转五百就放你走？哪个？车牌号记到没得？"),
# ---- other
([],"other",["self_mocking","joking"],"民警自嘲，无违规","O 我这脸晒得跟黑炭一样，回家娃都不认识我，哈哈。"),
([],"other",["angry","machine"],"民警骂机器","O 这破打印机，狗东西，又卡纸了，一天卡八回。"),
([],"other",["weather","tired"],"民警骂天气","O 这鬼天气，冻死个人，手都伸不出来写字了。"),
([],"other",["counting"],"清点乘客人数，非指标","O 一、二、三、四、五、六、七，七个人，面包车核载七人，没超，走吧。"),
([],"other",["counting","refrigerated"],"清点箱数，非指标","O 一共多少箱冻肉？四十八箱，单子上写的也是四十八，对上了。"),
([],"other",["training","formal"],"培训讲话，非指标","O 今天培训讲文明执法用语，第一条，不许说脏话，第二条，不许讲什么任务数，大家记一下。"),
([],"other",["other_department"],"其他部门人员","O 我是城管的，这个摊位占道了，跟交警没关系，你挪一下。"),
([],"other",["driving_school"],"驾校教练说话，非民警","O 我是教练，考试路线第三个点左转，别压线，压线就挂了。"),
([],"other",["chongqing","self_mocking"],"民警自嘲","O 我这个人嘛，脑壳笨得很，警校考了三次才考上。"),
([],"other",["shandong","joking"],"民警和同事闲聊","O 俺晌午吃啥嘞？恁说吃煎饼中不中？"),
([],"other",["dongbei","machine"],"民警骂对讲机","O 这破对讲机嘎哈呢，一说话就滋啦滋啦的，整个垃圾玩意儿。"),
([],"other",["counting","bus_station"],"清点车辆","O 站前停了几辆？一二三四五，五辆大巴，三辆出租，都在线里。"),
([],"other",["hospital","formal"],"正常引导","O 救护车来了，请大家往右边靠，让出通道，谢谢配合。"),
([],"other",["airport"],"正常疏导","O 接到人的赶紧走，没接到的去P2停车场等，这里不能停。"),
([],"other",["tianjin","weather"],"骂天气","O 介风刮的，倍儿冷，我帽子都让它刮跑了两回。"),
([],"other",["mining","formal"],"正常提醒","O 矿车下坡一定要挂低速挡，刹车片这两天检查过没有？"),
([],"other",["motorcycle","joking"],"民警与车友闲聊","O 你这车是几百的排量？好看是好看，头盔戴好，跑山慢点。"),
([],"other",["self_mocking","tired"],"民警自嘲","O 我就是个站马路的，风吹日晒，最大的本事就是站着睡觉。"),
([],"other",["street_food","night"],"正常劝离","O 老板，烧烤摊往里收一收，别占车道，晚上电动车多。"),
([],"other",["counting","harvest"],"清点收割机","O 今天过桥的收割机有几台了？八台，还有两台在后面。"),
([],"other",["service_area"],"正常提醒","O 师傅，开了四个小时了吧，服务区歇二十分钟，疲劳驾驶危险。"),
([],"other",["scrapyard"],"正常检查报废车","O 这车是报废车吧？报废车拆解要有证明，你们厂里的手续我看看。"),
([],"other",["angry","machine"],"民警骂酒精测试仪","O 这个测试仪是个废物，吹了三次都不出数，换一个来。"),
([],"other",["market_day","school"],"引导学生","O 小朋友们排好队，等车停了再过马路，一个一个来。"),
]

import json, sys, random

R = random.Random(20261211)
def pick(xs): return R.choice(xs)

BANNED = ["请出示驾驶证", "可以陈述申辩", "我们不收现金", "也可以申请复议", "依法扣留车辆",
          "说了多少遍了", "这是处罚决定书", "今天不凑够罚款数回不去", "我们没有罚款指标", "不能私下给钱"]
LABELS = ["cash_no_receipt", "quota", "verbal_abuse", "threat", "identification", "rights_notice"]
KINDS = ["civilian_says", "officer_refuses", "negation", "lawful_notice", "question", "reported_speech", "other"]

# region voice: address forms, officer self, end particles, fillers, pejoratives
REG = {
 "shandong": dict(a=["恁","大兄弟","老少爷们儿","恁这个司机"], me=["俺"], e=["，中不中？","，恁听明白了不？","。","嘞。"], f=["哎，","恁听俺说，","咋弄嘞，","弄啥嘞，"], ins=["憨熊","彪子","熊玩意儿","夯货"]),
 "tianjin": dict(a=["介位","您呐","爷们儿","姐姐"], me=["我"], e=["，介么着吧。","嘛。","，听见没？","。"], f=["介个，","哎我说，","嘛呢，"], ins=["二百五","缺心眼儿","傻帽儿","嘛也不是"]),
 "hebei": dict(a=["你","大哥","兄弟"], me=["我"], e=["，中不？","。","，听明白没？"], f=["咋说呢，","介个事儿，","哎，"], ins=["二虎","憨子","傻蛋"]),
 "gansu": dict(a=["尕伙子","你","师傅"], me=["我"], e=["么。","，听着没？","。"], f=["啥么，","你听着，","哎呀，"], ins=["瓜皮","闷怂","瓜怂"]),
 "yunnan": dict(a=["小伙子","你","老倌"], me=["我"], e=["嘛。","咯。","，听到没得？"], f=["哎呀，","你整哪样，","咋个说嘛，"], ins=["憨包","憨憨","老憨"]),
 "guangxi": dict(a=["老表","靓仔","你"], me=["我"], e=["咯。","喔。","，知道没？"], f=["喂，","哎呀老表，","讲真，"], ins=["扑街","蠢仔","大番薯"]),
 "fujian": dict(a=["阿伯","大哥","你"], me=["我"], e=["啦。","厚。","，好不好？"], f=["哎，","我跟你讲，","那个，"], ins=["土包子","头壳坏掉的","戆仔"]),
 "anhui": dict(a=["你","老乡","大哥"], me=["俺","我"], e=["，可中？","。","，晓得了吧？"], f=["哎，","俺跟你讲，","你听着，"], ins=["苕货","呆子","孬子"]),
 "dongbei": dict(a=["老铁","你","大兄弟","老妹儿"], me=["我"], e=["，整明白没？","。","，嘎哈呢。"], f=["哎呀妈呀，","你瞅瞅，","我跟你唠，"], ins=["虎逼","彪子","缺心眼子","瘪犊子"]),
 "shanghai": dict(a=["侬","爷叔","阿姨"], me=["阿拉","我"], e=["伐？","。","，晓得伐？"], f=["哎，","侬听好，","老实讲，"], ins=["十三点","戆大","乡下人"]),
 "chongqing": dict(a=["你","兄弟伙","你娃"], me=["我"], e=["嘛。","哦。","，要得不？"], f=["哎呀，","你莫慌，","我跟你说嘛，"], ins=["瓜娃子","憨批","哈儿","宝器"]),
 "hunan": dict(a=["你","伢子","老倌子"], me=["我"], e=["咯。","，晓得啵？","咧。"], f=["咯样咯，","你听好，","哎，"], ins=["宝里宝气的","蠢宝","苕货"]),
 "plain": dict(a=["你","师傅","先生","这位同志","大哥"], me=["我"], e=["。","，明白吗？","，懂吧？"], f=["","嗯，","那个，","这样，"], ins=["蠢货","白痴","废物","傻子"]),
}
REGNAMES = [k for k in REG if k != "plain"]
REGISTERS = ["formal","curt","joking","tired","angry","sarcastic","pleading"]

SCENES = {
 "bus_station": ["天还没亮，车站门口都是等车的人。","这趟早班车几点发？","行李别堆在车道上。"],
 "mining": ["矿车一辆接一辆，灰大得很。","前面下坡，车速降下来。","矿石盖篷布了没有？"],
 "bridge": ["桥在修，只开一条道。","对面放行了，这边等一下。","别抢道，一边一边来。"],
 "street_food": ["夜市人多，电动车推着走。","烧烤摊往里收一点。","这么晚了还这么多人。"],
 "driving_school": ["这是考试路线，教练车多。","前面那个点是考场入口。","学员车慢，别超。"],
 "hospital": ["这是救护车专用道。","急诊那边别停车。","病人家属车停到地下。"],
 "border": ["边境检查站，所有车辆登记。","通行证和身份证一起。","后备箱打开看一下。"],
 "typhoon": ["台风晚上登陆，沿海路要封。","雨太大了，开慢点。","撤离车辆走右边。"],
 "harvest": ["收割机占了大半个路。","麦子都收完了吗？","农机晚上别上路。"],
 "airport": ["接客区只能停三分钟。","航班延误了吗？","没接到人的去停车场。"],
 "scrapyard": ["废品站门口全是拖车。","这车手续有没有？","拆下来的件别堆路上。"],
 "service_area": ["服务区人多，车慢点。","加完油往前挪。","师傅歇一会儿再走。"],
 "market_day": ["今天赶集，学校门口堵死了。","小孩放学了，车让一让。","摊子别摆到路上。"],
 "refrigerated": ["冷藏车一共几辆？","冷机一直开着吗？","车队跟紧，别掉队。"],
 "motorcycle": ["一队摩托车，排气声音好大。","头盔都戴上了吗？","跑山的车队啊。"],
}
CIV_OPEN = ["警官，咋了？","我没违章啊。","我赶时间，快点行吗？","哎，又查啊？","怎么了同志？","我就停一下。","我这车咋了嘛？","你们天天在这儿查。","啊？我？","有啥事您说。"]
CIV_REACT = ["……","那你说咋办嘛。","我不是故意的。","好好好。","你这也太过分了吧。","行吧。","啊？","我没听清。","这……","能不能通融一下？","我要打电话。","嗯。"]
OFF_NEUTRAL = ["车靠右，熄火。","行驶证拿出来看看。","把车窗摇下来。","安全带系上。","你先别动，我看一下。","后备箱打开。","车上几个人？","往前开一点，别挡道。","嗯，等一下。","你先听我说完。"]
CIV_INTERRUPT = ["你听我解释——","等一下等一下，","不是，我——","哎你别——"]

def vo(reg): return REG[reg]

# ---------------- positive cores ----------------
AMT = ["一张","两张","一个数","两个","半个","三百","五百块","八百","一千","两条烟的钱","一箱油钱","两百块话费","三张红的"]
CH = ["微信","支付宝","我手机上这个码","这个二维码","我的收款码"]
WAIVE = ["单子就不开了","分就不扣了","票就免了","罚单我当场撕了","系统里我就不录了","这回就当我没看见","收据就别要了","记录我回去删了","这事私下就了了","不走程序了"]
def cash_core(v):
    a, me = pick(v["a"]), pick(v["me"])
    t = pick([
     "{a}，{ch}扫一下，{amt}，{w}",
     "{a}你懂的，拿{amt}出来，{w}",
     "这样吧，{amt}，转{me}{ch}上，{w}",
     "{a}表示表示，{amt}就行，{w}",
     "给{me}加个{ch}，发个{amt}的红包，{w}",
     "烟就放副驾上，里面夹{amt}，{w}",
     "{me}也不为难{a}，{amt}的油钱，{w}",
     "{a}给{me}手机充{amt}，{w}",
     "私了吧，{amt}，{w}",
     "罚是要罚两千的，{a}给{me}{amt}现钱，{w}",
     "你们老板那边每个月{amt}按时送到，{w}",
     "{amt}，不要发票的话就这个价，{w}",
     "{a}把钱卷在行驶证里递过来，{amt}，{w}",
     "打个折，{amt}给{me}，{w}",
    ])
    return t.format(a=a, me=me, ch=pick(CH), amt=pick(AMT), w=pick(WAIVE))

QNUM = ["二十张","三十张","五十张","八十张","一百张","十二张","十五张","两百起"]
QMONEY = ["两万","三万块","五千","八千","一万二"]
PERIOD = ["这个月","这周","今天","这个季度","年底前","月底前"]
BOSS = ["队长","大队长","支队领导","中队长","上头","所长","指导员","局里"]
def quota_core(v):
    me = pick(v["me"])
    t = pick([
     "{boss}定了，{p}每人{n}，少一张都不行",
     "{me}{p}还差{n}的罚单，今天非开不可",
     "{p}罚款额要交{m}上去，{me}还差一大截",
     "全大队按开单数量排名，{me}排倒数，{boss}点名了",
     "{boss}要的数{me}{p}还没完成，你这张正好凑上",
     "任务压下来了，{p}{n}，完不成扣奖金",
     "{me}这{p}的数还剩{n}没开，没办法",
     "{boss}说了，{p}处罚量要比上个月多两成",
     "各组注意，{p}每组不少于{n}，排后面的写检查",
     "{p}考核就看罚单数，{me}才开了一半",
     "开够{n}{me}才能收工，{boss}在群里盯着呢",
     "别的中队都开到{n}了，{me}们还差得远，{boss}急了",
     "罚没款{p}要完成{m}，这是{boss}下的硬任务",
    ])
    return t.format(boss=pick(BOSS), p=pick(PERIOD), n=pick(QNUM), m=pick(QMONEY), me=me)

ANIMAL = ["猪","驴","狗","王八","蠢驴","癞蛤蟆","猴子"]
def abuse_core(v):
    a = pick(v["a"]); ins = pick(v["ins"] + REG["plain"]["ins"])
    t = pick([
     "你个{ins}，红灯看不见啊",
     "{ins}一个，开车跟{an}一样",
     "你这脑子是{an}脑子吧，{ins}",
     "哟，{a}真是人才啊，{ins}，回家种地去吧",
     "瞅你那样，跟个{an}似的，{ins}",
     "你这种人我见多了，{ins}，没素质",
     "滚下来，{ins}",
     "你妈没教你看标线啊？{ins}",
     "二百五啊你，三八线都不认得",
     "你是不是缺根筋，{ins}一个",
     "开这么烂还开，你就是个{an}，{ins}",
     "嘿，大聪明，{ins}说的就是你",
     "你这{an}样，也配拿驾照",
    ])
    return t.format(a=a, ins=ins, an=pick(ANIMAL))

HARM = ["你这车以后别想在这条路上跑","你这驾照就别想要了","你这手机我给你没收砸了","我天天来查你的车，查到你不想开","我给你单位领导打电话，让你丢饭碗","我给你们平台打电话封你账号","我去你孩子学校找你们老师聊聊","你以后在这个县里别想混","我把你车拖走拆了","你今晚就别想回家","你家里人也别想安生","你前途我给你毁了","我让你年检永远过不去","我让你进去蹲几天"]
COND = ["你再废话，","再拍一下，","不配合的话，","你要敢投诉，","你再顶嘴，","不签字，","敢跑，","再多说一句，","你要是不听，","你给我记着，"]
def threat_core(v):
    t = pick([
     "{c}{h}",
     "{c}信不信{h}",
     "{c}{h}，你试试",
     "我好好跟你讲，{c}{h}",
     "别怪我没提醒你，{c}{h}",
     "{h}，{c}你自己掂量",
     "你想清楚，{c}{h}",
    ])
    return t.format(c=pick(COND), h=pick(HARM))

UNIT = ["县交警大队一中队","市交警支队高速三大队","城关交警中队","交警支队机动大队","县公安局交警大队事故中队","交警支队秩序科","高速交警服务区执勤点","边检站交警执勤组"]
ROLE = ["民警","交警","执勤民警","中队长","辅警","事故处理民警","带班民警"]
NUM = ["零二七三一五","三一零四八二","一五六六零九","四四零一二三","二零八八七一","零九一二三四"]
def ident_core(v):
    me = pick(v["me"])
    t = pick([
     "{me}是{u}的{r}，警号{n}",
     "{me}是{u}的{r}",
     "{me}们是{u}的，这是{me}的证件",
     "{me}是{r}，姓{x}，编号{n}",
     "{u}{r}{x}某某，警号{n}，现在执勤",
     "{me}是交警，{u}的，你可以记下{me}的警号{n}",
     "{me}是辅警，配合{u}执勤",
     "{me}是这边带班的{r}，{u}的",
    ])
    return t.format(me=me, u=pick(UNIT), r=pick(ROLE), n=pick(NUM), x=pick(["王","李","马","杨","陈","刘","周"]))

def rights_core(v):
    a = pick(v["a"])
    t = pick([
     "对这个处罚{a}有陈述和申辩的权利，有什么理由现在可以讲",
     "{a}不服的话可以申请行政复议，也能向法院提起行政诉讼",
     "{a}要申辩就现在说，我记进笔录里",
     "有异议{a}可以陈述，可以申辩，都是你的权利",
     "{a}要是觉得不公，六十天内可以复议，六个月内可以起诉",
     "依法告知{a}，对本决定享有陈述、申辩权",
     "你有权为自己辩解，说说你的理由",
     "不服去复议，还不服去法院告，都行",
     "{a}可以讲你的理由，申辩权是法律给你的",
     "决定书背面写着复议和诉讼的途径，{a}不服可以走",
    ])
    return t.format(a=a)

CORE = {"cash_no_receipt": cash_core, "quota": quota_core, "verbal_abuse": abuse_core,
        "threat": threat_core, "identification": ident_core, "rights_notice": rights_core}

REG_DECOR = {
 "formal": (["您好，","同志，",""], ["。"]),
 "curt": ([""], ["。",""]),
 "joking": (["哈哈，","嘿，","开玩笑啊，不过"], ["，哈哈。","，嘿嘿。"]),
 "tired": (["唉……","哎呀累死了，","熬一宿了，"], ["……","，就这样吧。"]),
 "angry": (["你给我听好了！","喂！",""], ["！","！听见没有！"]),
 "sarcastic": (["哟，","啧啧，","行啊你，"], ["，厉害吧？","，您说呢？"]),
 "pleading": (["兄弟帮帮忙，","求你配合一下，","你也体谅体谅我，"], ["，行不行嘛。","，拜托了。"]),
}

def officer_line(cores, reg, register):
    v = vo(reg)
    pre, post = REG_DECOR[register]
    f = pick(v["f"]) if R.random() < 0.5 else ""
    body = "，".join(cores)
    end = pick(v["e"]) if R.random() < 0.5 else pick(post)
    return pick(pre) + f + body + end

def dialog(act_turns, long_, scene):
    """act_turns: list of (speaker,text); surround with civilian / neutral turns"""
    segs = []
    if R.random() < 0.6 or long_:
        segs.append(("civilian", pick(CIV_OPEN)))
    if long_:
        n_extra = R.randint(1, 5)
        o2 = R.sample(OFF_NEUTRAL, 2); c2 = R.sample(CIV_REACT, 3)
        pool = [("officer", o2[0]), ("civilian", c2[0]), ("officer", pick(SCENES[scene])),
                ("civilian", c2[1]), ("officer", o2[1])]
        segs += pool[:n_extra]
    segs += act_turns
    if R.random() < 0.5 or long_:
        r = pick([x for x in CIV_REACT if all(x != t for _, t in segs)])
        if R.random() < 0.2: r = pick(CIV_INTERRUPT) + r
        segs.append(("civilian", r))
    if long_ and R.random() < 0.5:
        segs.append(("officer", pick(OFF_NEUTRAL)))
    return segs

# ---------------- negative generators ----------------
def neg_civilian(reg, register):
    v = vo(reg)
    which = pick(["cash","abuse","threat","quota","ident","rights"])
    if which == "cash":
        c = pick(["{a}，我给你转{amt}，单子别开了吧","我包个红包给你，{amt}，放我走","我扫你码吧，{amt}够不够","烟你拿着，里面有{amt}","咱私了，{amt}，别记分"]).format(a=pick(["警官","同志","领导","老弟"]), amt=pick(AMT))
        o = pick(["罚单拿好，按上面的方式缴。","你先把车熄火。","把东西收回去，按程序来。","记录仪开着呢，你说的都录下来了。"])
        note = "是市民提出给钱，民警没有索要"
    elif which == "abuse":
        c = pick(["你个{ins}交警，就知道罚钱","狗腿子，滚一边去","你们这些{ins}，穿身皮就了不起了","{ins}，你算老几","你脑子有病吧，{ins}"]).format(ins=pick(v["ins"]+["黑皮","臭交警"]))
        o = pick(["请你文明一点。","你骂人我们也记录了。","说完了吗？说完把证件给我。","你冷静一下。"])
        note = "是市民骂民警，民警没有辱骂"
    elif which == "threat":
        c = pick(["你等着，我明天就投诉你，让你脱警服","我认识你们局长，你信不信我一个电话你就完了","你再拦我，我开车撞过去","你敢扣我车，我让你出不了这个门","我记住你警号了，你给我等着"])
        o = pick(["你可以依法投诉，现在配合检查。","你说的话我们已经记录。","先把车熄火。","冷静点，有问题走程序。"])
        note = "是市民威胁民警，不是民警的行为"
    elif which == "quota":
        c = pick(["你们是不是月底冲罚单啊？","你们每天是不是都有罚款任务？","听说你们开得多有奖金，是不是？","你们大队是不是要排名？"])
        o = pick(["你的车压实线了，跟别的没关系。","安全带系上。","该罚的罚，罚单拿好。","驾驶证给我。"])
        note = "是市民说起指标，民警没有讲指标"
    elif which == "ident":
        c = pick(["我是你们刘队的表弟，给个面子","我也是公安系统的，派出所的，同行","我是记者，这是我的记者证","我二舅就在你们大队当中队长","我是辅警，隔壁中队的"])
        o = pick(["谁都一样，违法了就处理。","好的，那也请配合检查。","这个跟本次检查无关。","身份证给我登记一下。"])
        note = "是市民自报身份或攀关系，不是民警自我表明身份"
    else:
        c = pick(["我要申辩，我有陈述申辩的权利吧？","我要去复议，我要告你们","法律规定我可以申辩的","我要去法院起诉你"])
        o = pick(["可以，你说，我记录。","好的，你有什么理由说吧。","那是你的权利，先把单子签收。","嗯，你说。"])
        note = "是市民自己提到权利，民警没有告知"
    return [("civilian", c), ("officer", o)], note

def neg_refuse(reg, register):
    v = vo(reg)
    a = pick(v["a"])
    c = pick(["{a}，通融一下，我给你{amt}","这{amt}你拿着买包烟","转你{amt}，别开了行不","你们是不是有罚款任务？","你们开多少有奖金吧？"]).format(a=pick(["警官","领导","兄弟"]), amt=pick(AMT))
    if "任务" in c or "奖金" in c:
        o = pick(["没有数量要求，拦你是因为你违法了。","别瞎猜，我们不考核罚单数。","没这回事，你超速了就是超速了。","什么任务不任务，安全带系上。"])
        note = "民警否认有指标"
    else:
        o = pick(["收回去，我不收钱，再递我就按行贿处理。","别来这套，记录仪开着呢。","哎哎哎，手拿回去，罚款去银行交。","你这是害我啊，钱我不要，单子照开。","想都别想，这个钱我一分不碰。","我家里有饭吃，用不着你的烟。","你再塞，我就叫纪检的同志来跟你聊。","嘿嘿，这个我可不敢收，我还想多干几年。","不行，该罚多少就罚多少，你在手机上交，有电子票据。"])
        note = "民警拒绝收钱"
    return [("civilian", c), ("officer", officer_line([o.rstrip("。")], reg, register) if register not in ("angry",) else o)], note

def neg_negation(reg, register):
    v = vo(reg); me = pick(v["me"]); a = pick(v["a"])
    o = pick([
     "{me}没让{a}给钱，罚款是银行代收的",
     "{me}可没骂{a}，别乱讲",
     "{me}不会扣{a}车，就是提醒一下",
     "这不是为了凑数，{a}是真闯红灯了",
     "{me}们不排名，也不考核开多少单",
     "{me}不是警察，{me}是运管的，这事等交警来",
     "{me}不会给{a}单位打电话，放心",
     "不用扫{me}的码，扫罚单上的缴费码",
     "{me}没说要红包，{me}说的是红本，行驶证",
     "没有人会因为这个丢工作，别紧张",
     "{me}不收{a}的烟，也不收{a}的钱",
    ]).format(me=me, a=a)
    return [("officer", officer_line([o], reg, register))], "否定句，民警未作出该行为"

def neg_lawful(reg, register):
    v = vo(reg); a = pick(v["a"])
    o = pick([
     "{a}这车超载，依规定要卸货后才能继续行驶",
     "无证驾驶，车辆依法暂扣，这是暂扣凭证，手续补齐来领",
     "酒精检测超标，按程序要去医院抽血",
     "闯红灯罚款二百记六分，罚单拿好，在交管App上缴纳，有电子票据",
     "前面交通管制，所有车辆原地等待",
     "{a}这个违停已经拍照取证，可以在网上处理",
     "驾驶证暂扣，二十四小时内到大队接受处理",
     "醉驾要追究刑事责任，这是法律规定的",
     "罚款扫罚单上的官方缴费码，交完手机上收电子缴款凭证",
     "不配合检查的话，会依法采取强制措施",
     "{a}的车挡了应急车道，按规定拖移，电话在单子上",
     "这个路段限速六十，超了百分之五十以上要吊销驾照，依法办",
    ]).format(a=a)
    return [("officer", officer_line([o], reg, register))], "依法告知处理措施，不是威胁或索要"

def neg_question(reg, register):
    v = vo(reg); a = pick(v["a"])
    o = pick([
     "{a}刚才是想塞钱给我吗？",
     "{a}说有人跟你要钱？哪个人？",
     "车上拉了几箱货？",
     "一共几个人？有没有小孩？",
     "{a}想在现场交还是回去网上交？",
     "{a}知道为什么拦你吗？",
     "{a}觉得我骂你了？我说了哪句？",
     "{a}是说要申辩吗？想说什么？",
     "{a}是哪个单位的？记者证带了吗？",
     "有人威胁你了吗？他说了什么？",
     "这车是你的还是公司的？",
     "你听谁说我们有任务的？",
    ]).format(a=a)
    pre = pick(REG_DECOR[register][0]); f = pick(v["f"]) if R.random() < 0.4 else ""
    return [("officer", pre + f + o)], "问句，民警只是询问"

def neg_reported(reg, register):
    v = vo(reg); a = pick(v["a"])
    o = pick([
     "{a}说我跟你要钱？我什么时候说过",
     "有人举报说这个卡点收钱不开票，我们是来核实的",
     "投诉里说我们骂了人，记录仪调出来看了，没有",
     "他说'不给钱就扣车'，是他说的，他不是我们的人",
     "新闻上说外地有交警给罚款定任务，被处分了",
     "{a}说那个人自称是交警？他穿的是保安衣服",
     "培训老师讲了，'罚款任务'这种话一个字都不许讲",
     "那个司机说我们按罚单排名，没有的事",
     "群众反映有人冒充辅警拦车要钱，大家留意",
     "{a}说他骂你猪脑子？他是你们同车的吧",
    ]).format(a=a)
    return [("officer", officer_line([o], reg, register))], "转述他人的话，不是民警本人的行为"

def neg_other(reg, register):
    v = vo(reg); me = pick(v["me"])
    o = pick([
     "这破打印机又卡纸了，真是个废物",
     "这鬼天气，冷得{me}脚都没知觉了",
     "一、二、三、四、五，五个人，没超员",
     "一共{n}箱，单子上也是{n}箱，对上了",
     "{me}就是个站马路的，晒得跟煤球似的，哈哈",
     "今天培训讲执法记录仪的使用，大家把设备拿出来",
     "{me}是城管的，这个摊子占道了，跟罚单没关系",
     "{me}是教练，学员注意，前面右转",
     "这对讲机垃圾玩意儿，又没声了",
     "救护车过来了，大家往右靠",
     "数一下，收割机过去了几台？七台",
     "这酒精测试仪是个傻机器，吹三回不出数",
     "{me}这个脑子，钥匙又锁车里了，真是猪脑子",
    ]).format(me=me, n=pick(["二十四","三十六","四十八","六十"]))
    return [("officer", officer_line([o], reg, register))], "与违规行为无关的日常话语"

NEG = {"civilian_says": neg_civilian, "officer_refuses": neg_refuse, "negation": neg_negation,
       "lawful_notice": neg_lawful, "question": neg_question, "reported_speech": neg_reported, "other": neg_other}

# ---------------- ASR damage ----------------
HOMO = [("收据","手据"),("罚款","发款"),("微信","危信"),("扫一下","少一下"),("二维码","二维马"),("指标","指镖"),
        ("申辩","深便"),("陈述","沉树"),("复议","付义"),("诉讼","速送"),("驾照","架照"),("警号","井号"),
        ("大队","大对"),("红包","洪包"),("现金","线今"),("辅警","福警"),("交警","胶警"),("扣分","扣粉"),
        ("行驶证","行使证"),("罚单","罚蛋"),("任务","人物"),("转账","赚账"),("吊销","掉销"),("权利","权力"),
        ("支付宝","支付包"),("中队","终对"),("民警","明警"),("排名","牌名"),("起诉","起速"),("砸了","咋了"),
        ("拖走","脱走"),("平台","瓶台"),("单位","单味"),("凭证","平正"),("行政","行证")]
NUMS = [("一千","1000"),("两千","2000"),("八百","800"),("五百","500"),("三百","300"),("两百","200"),("二百","200"),
        ("一百","100"),("六十","60"),("五十","50"),("三十","30"),("二十","20"),("十五","15"),("十二","12"),("六分","6分"),("两万","2万")]
PUNCT = "，。！？、…；"
def asr(text):
    t = text
    hs = [h for h in HOMO if h[0] in t]
    R.shuffle(hs)
    for a, b in hs[:R.randint(1, 3)]:
        t = t.replace(a, b, 1)
    for a, b in NUMS:
        if a in t and R.random() < 0.8:
            t = t.replace(a, b)
    if R.random() < 0.7:
        t = "".join(ch if ch not in PUNCT else (" " if R.random() < 0.3 else "") for ch in t)
    if len(t) > 6 and R.random() < 0.45:
        i = R.randrange(1, len(t) - 1)
        if R.random() < 0.5: t = t[:i] + t[i+1:]
        else: t = t[:i] + t[i] + t[i:]
    return t.strip()

def apply_asr(segs):
    return [(s, asr(x) if (s != "civilian" or R.random() < 0.5) else x) for s, x in segs]

# ---------------- build ----------------
def parse_hand(text):
    out = []
    for turn in text.split(" / "):
        sp = {"O": "officer", "C": "civilian", "U": "unknown"}[turn[0]]
        out.append((sp, turn[2:]))
    return out

def main(path):
    items = []
    for labels, kind, tags, note, text in HAND:
        segs = parse_hand(text)
        tg = list(tags) + ["handwritten"]
        if len(segs) >= 3: tg.append("long")
        items.append(dict(segs=segs, labels=list(labels), kind=kind, tags=tg, note=note))
    # templated positives
    plans = []
    for lab in LABELS:
        plans += [[lab]] * 78
    pairs = [("cash_no_receipt","threat"),("verbal_abuse","threat"),("identification","rights_notice"),("quota","cash_no_receipt"),
             ("identification","threat"),("verbal_abuse","cash_no_receipt"),("quota","verbal_abuse"),("identification","cash_no_receipt"),
             ("rights_notice","verbal_abuse"),("quota","threat")]
    for i in range(52):
        plans.append(list(pairs[i % len(pairs)]))
    for labs in plans:
        reg = pick(REGNAMES + ["plain"] * 3); register = pick(REGISTERS)
        scene = pick(list(SCENES)); long_ = R.random() < 0.40
        tags = ([reg] if reg != "plain" else []) + [register, scene]
        if len(labs) == 2 and R.random() < 0.5:
            act = [("officer", officer_line([CORE[labs[0]](vo(reg)), CORE[labs[1]](vo(reg))], reg, register))]
            tags.append("one_breath")
        else:
            act = []
            for j, l in enumerate(labs):
                act.append(("officer", officer_line([CORE[l](vo(reg))], reg, register)))
                if j < len(labs) - 1:
                    act.append(("civilian", pick(CIV_REACT)))
        if R.random() < 0.16:
            k = R.randrange(len(act)); 
            if act[k][0] == "officer": act[k] = ("unknown", act[k][1]); tags.append("speaker_unknown")
        segs = dialog(act, long_, scene)
        if long_ or len(segs) >= 3: tags.append("long") if long_ else None
        items.append(dict(segs=segs, labels=sorted(labs, key=LABELS.index), kind="positive", tags=tags, note=""))
    # templated negatives
    for kind in KINDS:
        for i in range(90):
            reg = pick(REGNAMES + ["plain"] * 3); register = pick(REGISTERS)
            scene = pick(list(SCENES)); long_ = R.random() < 0.36
            act, note = NEG[kind](reg, register)
            segs = dialog(act, long_, scene) if kind != "civilian_says" or long_ else act
            tags = ([reg] if reg != "plain" else []) + [register, scene] + (["long"] if long_ else [])
            items.append(dict(segs=segs, labels=[], kind=kind, tags=tags, note=note))
    R.shuffle(items)
    # ASR damage on ~30%
    for it in items:
        if R.random() < 0.30:
            it["segs"] = apply_asr(it["segs"]); it["tags"].append("asr_errors")
    lines = []
    for n, it in enumerate(items, 1):
        rec = {"id": "H11-%04d" % n, "segments": [{"speaker": s, "text": t} for s, t in it["segs"]],
               "labels": it["labels"], "kind": it["kind"], "tags": it["tags"]}
        if it["note"]: rec["note"] = it["note"]
        for seg in rec["segments"]: seg["text"] = seg["text"].replace("阿拉们", "阿拉")
        lines.append(json.dumps(rec, ensure_ascii=False))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    validate(path)

def validate(path):
    from collections import Counter
    ids = set(); lab = Counter(); kind = Counter(); ntag = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            assert r["id"] not in ids, r["id"]; ids.add(r["id"])
            assert set(r["labels"]) <= set(LABELS)
            assert (r["kind"] == "positive") == bool(r["labels"]), r["id"]
            assert r["kind"] in KINDS + ["positive"]
            for s in r["segments"]:
                assert s["speaker"] in ("officer", "civilian", "unknown")
                for b in BANNED:
                    assert b not in s["text"], (r["id"], b)
            if r["kind"] != "positive": assert r.get("note"), r["id"]
            for l in r["labels"]: lab[l] += 1
            kind[r["kind"]] += 1
            if len(r["labels"]) == 2: ntag["two_labels"] += 1
            for t in ("asr_errors", "long", "handwritten", "one_breath", "speaker_unknown"):
                if t in r["tags"]: ntag[t] += 1
    print("lines", len(ids))
    print("labels", dict(lab)); print("kinds", dict(kind)); print("tags", dict(ntag))
    for l in LABELS: assert lab[l] >= 90, l
    assert sum(v for k, v in kind.items() if k != "positive") >= 700

if __name__ == "__main__":
    main(sys.argv[1])
