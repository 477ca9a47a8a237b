#!/usr/bin/env python3
"""Independent held-out speech corpus heldout6 (ids H6-xxxx) for the traffic-police body-camera supervision system.
stdlib only; deterministic: random.Random(20261203).
usage: python3 make_heldout6.py /work/staging/heldout6.jsonl
"""
import json
import re
import random
import sys

# ---------------------------------------------------------------- hand-written exchanges
# format per line: labels|kind|tags|note|S:text/S:text...   (S = O officer, C civilian, U unknown)
HAND_POS = r"""
cash_no_receipt|positive|shandong,colloquial|O:恁这个压线了知道不？/C:俺真没看见那个线啊。/O:行了行了，俺也不难为恁，拿三百现钱，单子俺就不开了。/C:三百？俺身上就两百多。/O:那就两百，赶紧的。
cash_no_receipt|positive|dongbei,joking|O:老铁，咋整啊，超速二十多呢。/C:哥，我这着急送孩子上学。/O:整点喝茶钱呗，二百，我就当没瞅见。
cash_no_receipt|positive|sichuan,curt|C:警官，我就停了两分钟嘛。/O:两分钟也是违停。扫这个码，一百五，单子就莫得了。/C:扫你这个码？/O:快点嘛，后头还有车。
cash_no_receipt|positive|standard,tired|O:唉，站一上午了，你也别跟我掰扯了。/O:发个红包，五百，我这边不录系统。/C:啊？不是要开罚单吗？
cash_no_receipt|positive|standard,formal|O:先生，您这个情况按规定是罚款两百、记三分。/C:能不能不记分啊，我就剩三分了。/O:分的事可以商量，您转八百到这个账户，就按没拍到处理。
cash_no_receipt|positive|henan,colloquial|O:中，恁也别说了，表示表示，俺这就当没看见。/C:表示多少啊？/O:恁看着给，五百以上。
cash_no_receipt|positive|canton,joking|O:靓仔，开这么快赶着去饮茶啊？/C:系啊，迟到了。/O:那饮茶钱也分我一份啦，转三百给我，单就不开咯。
cash_no_receipt|positive|hubei,colloquial|O:你这个车冇得年检，要扣的。/C:哎呀师傅，帮个忙咯。/O:帮忙可以，搞五百块钱给我，我当冇看到，你开走。
cash_no_receipt|positive|shaanxi,curt|O:嫑磨叽咧，现钱拿出来，四百，额这就不开单子。/C:收据给不给？/O:要啥收据嘛，给了钱走人。
cash_no_receipt|positive|jiangzhe,formal|O:侬这个是闯红灯，要扣六分的。/C:扣六分我就完了，跑滴滴的。/O:那侬意思一下好伐，一千块，记录我这边删掉。
cash_no_receipt|positive|standard,angry|C:我不服，我要看录像！/O:看什么录像！要么现在给我三百现金，要么扣车扣分，你自己挑。
cash_no_receipt|positive|standard,colloquial,long|O:靠边，熄火。/C:怎么了警察同志？/O:你安全带没系。/C:刚解开的，真的。/O:刚解开也得罚。这样，你在手机上把钱转给我，二百，单子撕了。/C:转你个人微信？/O:对，快点。
cash_no_receipt|positive|standard,curt|O:钱夹在驾照里递给我，别让人看见，懂了吧。
cash_no_receipt|positive|dongbei,tired|O:哎呀妈呀，一天天的……你这拖车费停车费加一块得六七百，给我四百，车我不拖了，整完赶紧走。
cash_no_receipt|positive|standard,joking|O:哈哈，这不巧了吗，我手机刚好没电，不能录系统。你给我点辛苦费，咱俩就当没见过。
cash_no_receipt|positive|sichuan,colloquial|C:我真的是第一次嘛。/O:第一次也要扣分哦。你拿三百块出来，单子不开你的，要得不？/C:要得要得。
cash_no_receipt|positive|standard,formal,long|O:你好，这里是禁停区域。/C:我马上走。/O:已经拍了照了，系统里会有记录。/C:那怎么办？/U:你要是不想有记录，去旁边小卖部门口，给我五百，照片我删。/C:……行吧。
quota|positive|standard,tired|C:我就压了一点点线！/O:我知道，我也不想开。可这个月还差十八张，队里天天催，你就算帮我凑个数吧。
quota|positive|shandong,colloquial|O:俺跟恁说实话，上头给俺们摊派了，一人一天八张，不开俺回去挨训。/C:那也不能逮着俺开啊。
quota|positive|dongbei,angry|C:我凭啥被罚？前面那车也压线了！/O:那车我也开！咋整，这周任务量还差一大截，我管你服不服。
quota|positive|sichuan,tired|O:哎，我们一个月要开六十张的嘛，现在才三十几张，莫得办法，你这张必须开。
quota|positive|henan,curt|O:排名出来了，俺们中队末位，恁这张跑不了。
quota|positive|standard,formal|O:同志，我实话跟您讲，我们今年考核是按查处数量排名的，每人每月不少于四十起，我这个也是任务。
quota|positive|canton,joking|O:哎呀，今天差两张就完成任务啦，你来得正好，送上门的咯。/C:不会吧……
quota|positive|hubei,tired|O:这个季度罚款任务还差好几万，冇得办法，上头压下来的，蛮烦。
quota|positive|shaanxi,colloquial|O:额们一礼拜要开二十五张，差一张都要挨批，你嫑怪额。
quota|positive|jiangzhe,curt|O:末位淘汰晓得伐，我这个月开单数全队倒数，侬这个不能放。
quota|positive|standard,colloquial,long|C:师傅，我就停一下拿个快递。/O:不行，停这里就要贴。/C:以前都没人管啊。/O:以前是以前。现在每天早上开会报开单数，谁少谁挨批，我今天还一张没有呢。/C:唉……
quota|positive|standard,angry|O:你以为我想在这站着？领导给定的数，一个月三十张，完不成扣工资，你跟我嚷有用吗！
quota|positive|standard,joking|O:嘿，兄弟，你是我今天第十张，再来两张我就能下班了。
quota|positive|dongbei,colloquial|C:咋又是我？/O:嘎哈又是你，谁让你老在这停。再说我们这月考核排名，开得少的年底评不上先进。
quota|positive|standard,curt|U:这周还差十二张，逮到一个算一个。/C:啥？
quota|positive|sichuan,angry,long|C:你凭啥子拦我？/O:你闯了黄灯。/C:黄灯又不是红灯！/O:我跟你说，上面下了任务的，一个人一天要五张，我今天才两张，你莫跟我扯。
verbal_abuse|positive|standard,angry|C:我就停一会儿，你至于吗？/O:你是聋了还是傻了？这么大个禁停标志看不见？
verbal_abuse|positive|shandong,angry|O:恁个彪子，红灯也敢闯？命不要了？/C:你咋骂人呢？
verbal_abuse|positive|henan,angry|O:你个信球，跟你说半天了还往前挪，耳朵长着弄啥嘞？
verbal_abuse|positive|dongbei,angry|O:瞅你那虎了吧唧的样，彪呼呼的，这道也敢逆行？
verbal_abuse|positive|sichuan,angry|O:你个瓜娃子，脑壳有包哇？应急车道也敢开！
verbal_abuse|positive|canton,angry|O:你个扑街，会不会开车啊？蠢过猪啦。
verbal_abuse|positive|hubei,angry|O:你个苕货，么样开的车，这都搞不清楚？
verbal_abuse|positive|shaanxi,angry|O:你个瓜怂，眼窝长哪儿咧？斑马线上的人看不见？
verbal_abuse|positive|jiangzhe,angry|O:侬脑子瓦特了伐？戆大一个，单行道逆着开。
verbal_abuse|positive|standard,joking|O:哟，这位爷，您是开飞机的吧？马路是您家修的？停这儿可真会挑地方。/C:我……
verbal_abuse|positive|standard,tired|O:唉，又来一个没脑子的……驾照是买的吧你？
verbal_abuse|positive|standard,curt|O:老东西，下车。/C:你怎么说话呢？
verbal_abuse|positive|standard,angry,long|O:停车！/C:干啥？/O:你刚才变道没打灯。/C:我打了啊！/O:打个屁，你跟个瞎眼的驴一样乱拱，还敢顶嘴？/C:你骂谁呢？
verbal_abuse|positive|standard,colloquial|O:开个破三轮还挺横，乡下来的土鳖懂不懂规矩？
verbal_abuse|positive|standard,formal|O:这位"文化人"，您读了那么多书，连个红灯都读不懂吗？真是个废物。
verbal_abuse|positive|dongbei,joking|O:哈哈，瞅你那熊样，跟个大鹅似的乱窜，真是个二虎。
verbal_abuse|positive|jiangzhe,curt|O:小赤佬，车停这里做啥，滚开。
threat|positive|standard,angry|C:我要投诉你！/O:你投，你去投！投完了你这车以后在这条路上见一次扣一次。
threat|positive|shandong,angry|O:恁再嚷嚷，俺让恁这车今儿个开不走，信不？/C:你凭啥？
threat|positive|henan,curt|O:恁要是敢把视频发网上，俺保证恁驾照弄没了。
threat|positive|dongbei,angry|O:手机拿来！再拍我给你摔了，信不信？/C:我拍执法过程犯法吗？
threat|positive|sichuan,angry|O:你再扯嘛，老子让你车都开不走，信不信？
threat|positive|canton,curt|O:你再吵啦，我叫拖车拖你车去很远很远的地方，你找都找不到。
threat|positive|hubei,angry|O:你再啰嗦，我让你这个车冇得开，驾照也莫想要了。
threat|positive|shaanxi,angry|O:你再胡谝，额叫你驾照嫑想要咧，额说到做到。
threat|positive|jiangzhe,formal|O:侬是在哪个单位上班的？我一个电话打过去，侬这个工作保不保得牢，侬自己想想。
threat|positive|standard,formal|O:先生，我建议您好好想想，您孩子明年是不是要考公？政审这一关，可不是您说了算的。
threat|positive|standard,tired|O:别折腾了，我累了，你再不签，我就把你带回去，关你两天你就老实了。
threat|positive|standard,curt|O:删了。现在删。不删你别想走。
threat|positive|standard,colloquial,long|O:下来。/C:我犯啥事了？/O:你自己心里清楚。/C:我不清楚！/O:你家不就住前面那个小区吗，三栋的，你老婆天天开那辆白车接孩子，出门小心点。/C:你什么意思？
threat|positive|standard,joking|O:嘿嘿，你要是再跟我犟，我保证你这个月天天收到罚单，一天一张，够你乐的。
threat|positive|sichuan,colloquial|O:你要是敢去投诉嘛，以后在这一片莫想跑车了，我认得你这个牌照。
threat|positive|dongbei,curt|U:再嘚瑟，整死你。/C:……
identification|positive|standard,formal|O:您好，我是高新区交警大队民警，警号一零二四三七，现在依法对您的车辆进行检查。
identification|positive|shandong,colloquial|O:俺是城区交警大队的，姓王，这是俺的证，恁把车往边上靠靠。
identification|positive|dongbei,curt|O:交警，二大队的，警号在这儿，自己看。
identification|positive|sichuan,formal|O:你好，我们是高速交警三支队的，正在开展酒驾检查，麻烦配合一哈。
identification|positive|canton,formal|O:你好，我是天河交警大队的辅警，协助民警执勤，民警在后面那台车上。
identification|positive|hubei,colloquial|O:我是江岸交警大队的，姓胡，你莫慌，就是查个证。
identification|positive|shaanxi,colloquial|O:额是雁塔交警大队的民警，警号零六三五二一，你把车停到那边去。
identification|positive|jiangzhe,formal|O:侬好，我是西湖交警大队的，这是我的警官证，麻烦配合检查。
identification|positive|henan,curt|O:俺，金水交警大队，警号零三一九八六，恁有事儿投诉去。
identification|positive|standard,tired|O:唉，我是这个路段执勤的交警，编号四八二零一五，你那个牌照挡住了。
identification|positive|standard,joking|C:你是真警察假警察啊？/O:哈哈，真的，比真金还真，开发区中队的，警号九九零二一三，要不要拍张合照？
identification|positive|standard,colloquial,long|C:哎，你们谁啊？/O:交警。/C:哪个交警？/O:城东中队的，我姓李，这位是我们中队长。/C:哦哦。
identification|positive|standard,angry|O:看清楚了！市交警支队直属二大队的，警号零五七七三二，记下来，你想投诉随便投！
identification|positive|standard,curt|U:辅警，配合检查。/C:好。
identification|positive|sichuan,tired|O:我是渝中交警支队的辅警，跟到张警官的，你先在这儿等一哈嘛。
identification|positive|dongbei,formal|O:同志你好，我是道里交警大队执勤民警，警号零二八八四六，请你熄火配合。
rights_notice|positive|standard,formal|O:根据行政处罚法，对本次处罚您有权进行陈述和申辩，对处罚决定不服的，可以在六十日内申请行政复议，或者在六个月内向人民法院提起行政诉讼。
rights_notice|positive|shandong,colloquial|O:恁要是不服，有啥说啥，这是恁陈述申辩的权利，还能去复议，去法院告也中。
rights_notice|positive|dongbei,colloquial|O:你有啥要说的就说，这是你申辩的权利，不服还能复议，咋整你自个儿定。
rights_notice|positive|sichuan,colloquial|O:你要是觉得不对嘛，有陈述申辩的权利的，还可以申请复议，要得不？
rights_notice|positive|canton,formal|O:对这个处罚你有异议的话，有权陈述同埋申辩，唔服的话可以申请行政复议，或者去法院起诉。
rights_notice|positive|hubei,colloquial|O:你要是觉得冤，可以说，你有申辩的权利，我们会记下来。
rights_notice|positive|shaanxi,colloquial|O:额跟你说，你对这有意见，能陈述能申辩，不服还能去复议，去法院告也行咧。
rights_notice|positive|jiangzhe,formal|O:侬对处罚有意见，有权陈述、申辩，阿拉会听取的，不服还能申请复议。
rights_notice|positive|henan,curt|O:不服？不服恁可以去复议，也能去法院起诉，决定书背面写着嘞。
rights_notice|positive|standard,tired|O:哎……按规定得告诉你，你有陈述权和申辩权，有啥理由你现在讲，讲完我记上。
rights_notice|positive|standard,curt|O:有异议，现在讲，这是你申辩的权利。不讲就签字。
rights_notice|positive|standard,angry|C:这不公平！/O:不公平你就申辩！你有这个权利！不服去复议，去法院告我都行，别在这嚷嚷！
rights_notice|positive|standard,colloquial,long|O:这是你的违法事实，闯红灯。/C:我没闯，黄灯。/O:好，你说黄灯，那你说说理由，你有陈述申辩的权利，我们听。/C:我过停止线的时候还是黄的。/O:行，我记下来，回头调监控核实。
rights_notice|positive|standard,joking|O:别急着签嘛，你有申辩的权利，说说看，万一说服我了呢？哈哈。
rights_notice|positive|standard,formal|U:当事人对本次处罚享有陈述、申辩的权利，如对处罚决定不服，可依法申请行政复议或提起行政诉讼。/C:我知道了。
rights_notice|positive|sichuan,formal|O:按照规定给你讲一哈，你对这个处罚有权陈述申辩，不服嘛可以向区政府申请复议，也可以去法院起诉。
cash_no_receipt,threat|positive|standard,angry|O:给你两条路：拿五百现金走人，或者我把你车拖走，让你驾照也扣满，选吧。
cash_no_receipt,threat|positive|dongbei,curt|O:整两千，这事就拉倒。不整，你这车今天别想开走，往后也别想在这片跑了。
verbal_abuse,threat|positive|sichuan,angry|O:你个瓜娃子还敢拍？手机拿过来，不然给你砸了！
verbal_abuse,threat|positive|standard,angry,long|C:你凭什么扣我车？/O:凭什么？就凭你是个蠢货！/C:你怎么骂人！/O:再叫唤，我让你今晚就在拘留所过！
identification,rights_notice|positive|standard,formal|O:我是城区交警大队民警，警号二零三一五八。对于这次处罚，您有权陈述和申辩，不服的可以依法申请行政复议或者提起诉讼。
identification,rights_notice|positive|shandong,formal|O:俺是历城交警大队的民警，警号零七二二三一。恁对这个处罚有意见，有权陈述申辩，不服可以申请复议。
quota,cash_no_receipt|positive|standard,tired|O:我这个月还差二十张，你要不想被开，就给我两百现金，我去拦下一个。
quota,cash_no_receipt|positive|henan,colloquial|O:俺们一周要开三十张，恁要么让俺开一张，要么给俺三百，恁自己选，中不中？
identification,cash_no_receipt|positive|standard,curt|O:我是开发区中队的，我姓赵。三百，转我微信，这事我替你摆平。
quota,threat|positive|standard,angry|O:我这个月排名垫底，你还跟我犟？再犟我给你扣满十二分，让你重新考驾照去！
verbal_abuse,cash_no_receipt|positive|jiangzhe,angry|O:戆大，还不明白？钞票拿出来，一千，单子就不开了。
identification,threat|positive|dongbei,angry|O:我，南岗交警大队的，警号零一二三九九，你记住了。你今天敢投诉，明天你这车就别想上路。
"""

HAND_NEG = r"""
-|civilian_says|standard,colloquial|市民提出给钱，民警未接话也未索要|C:警官，我给你转五百，这事就算了行不行？/O:车先靠边，熄火，行驶证拿出来。
-|civilian_says|shandong,colloquial|是市民要表示表示，民警只要求出示证件|C:俺懂规矩，表示表示，恁看多少合适？/O:恁先把驾照掏出来给俺看看。
-|civilian_says|dongbei,angry|辱骂出自市民，民警未辱骂|C:你个臭交警，吃饱了撑的嘎哈拦我？/O:请你注意言辞，执法记录仪开着。
-|civilian_says|sichuan,angry|威胁出自市民，不是民警的行为|C:你等到，老子让你这身皮穿不成！/O:你有意见可以去投诉，先配合检查。
-|civilian_says|standard,formal|市民自称辅警，民警没有表明身份|C:同志，我也是派出所的辅警，都是自己人。/O:自己人也一样，按规定处理。
-|civilian_says|standard,angry|是市民主张陈述申辩和复议，民警未告知|C:我有陈述申辩的权利！我要复议！我要去法院告你们！/O:好的，你先冷静一下，慢慢说。
-|civilian_says|henan,colloquial|是市民说到任务指标，民警未提及|C:俺知道，恁们月底都要凑数，一个月得开多少张是吧？/O:把车往右边挪挪，别挡道。
-|civilian_says|canton,joking|是市民提出请喝茶，民警未回应金钱|C:阿sir，辛苦啦，我请你饮茶好不好？/O:前面掉头，注意安全。
-|civilian_says|hubei,colloquial|发红包的提议来自市民|C:师傅，我给你发个红包，莫开单子咯。/O:你先下车，站到路边来。
-|civilian_says|shaanxi,angry|市民骂人，民警未回骂|C:你个瓜怂交警，一天到晚就知道罚钱！/O:你情绪不要激动，有话好好说。
-|civilian_says|jiangzhe,colloquial|市民说扫码转账，民警未同意|C:扫你这个码好伐？我转账，快一点。/O:你先等一下，我在核对号牌。
-|civilian_says|standard,tired|市民自己说要报出单位威胁民警|C:我认识你们大队长，一个电话你就得回家。/O:……行，你先把车挪到边上。
-|civilian_says|standard,colloquial,long|市民主动塞钱，民警没有接话|C:哎哎哎，警官，等一下。/O:怎么了？/C:这是五百，你拿着买包烟。/O:你先站那边，我把单子核对完。/C:好好好。
-|civilian_says|dongbei,joking|市民开玩笑式自称"交警"，民警未表明身份|C:哈哈，我也是交警，交通警察的"交"，交钱的"交"。/O:别贫了，驾照给我看一下。
-|civilian_says|sichuan,colloquial|市民转述自己愿意转账，民警未索要|C:我转你两百嘛，要得不？莫记分了嘛。/O:你先把后备箱打开。
-|civilian_says|standard,angry|威胁性言语出自市民|C:你信不信我把你拍下来发抖音，让你明天就下岗！/O:你拍吧，我们也在录。
-|officer_refuses|standard,formal|民警拒绝现金并说明正规缴款渠道|C:能交现金吗？我手机没电了。/O:现场不收现金，您拿这个凭证去银行或者交管12123缴纳，会出正规票据。
-|officer_refuses|shandong,colloquial|民警拒收钱款|C:恁拿着，两百，俺不要票了。/O:拿回去拿回去，这钱俺不能要，罚款上手机交。
-|officer_refuses|dongbei,curt|民警拒绝红包|C:哥，我微信给你发个红包？/O:拉倒吧，别整这个，该咋罚咋罚。
-|officer_refuses|sichuan,colloquial|民警拒绝私了|C:我们私了嘛，三百要得不？/O:莫得私了这一说，该开单就开单，钱你自己去交。
-|officer_refuses|canton,formal|民警拒绝"喝茶钱"|C:阿sir，这点茶钱你收下啦。/O:不用不用，你收好，罚款按规定在网上缴纳就得。
-|officer_refuses|hubei,colloquial|民警否认有任务摊派|C:你们是不是有任务，蛮多人都说你们月底凑数。/O:冇得那回事，你违法了就处理，冇违法就走。
-|officer_refuses|shaanxi,curt|民警拒收钱并警告行贿不妥|C:额给你五百，这事就算咧。/O:把钱收起来，再这样就是行贿，单子照开。
-|officer_refuses|jiangzhe,formal|民警拒绝加微信转账|C:加个微信好伐，我转给侬。/O:微信不加的，罚款交到国库，侬在手机上交就好。
-|officer_refuses|henan,colloquial|民警拒绝收钱|C:中不中，俺塞恁兜里，恁就当没看见。/O:不中，俺不要恁的钱，该咋处理咋处理。
-|officer_refuses|standard,angry|民警拒绝"意思意思"|C:我意思意思还不行吗？/O:不行！别跟我来这套，该罚多少罚多少，钱一分也不经我手。
-|officer_refuses|standard,tired|民警否认排名考核压力|C:你们是不是开多少单有排名啊？/O:唉，没那事，我就站这儿疏导交通的，你赶紧走吧。
-|officer_refuses|standard,joking|民警笑着拒绝红包|C:今天过节，给您发个红包沾沾喜气！/O:哈哈，心意领了，红包不收，安全到家就是最好的红包。
-|officer_refuses|standard,colloquial,long|民警拒绝转账并说明电子票据|C:师傅，咋交啊？/O:你有交管12123没有？/C:有。/O:在上面交，交完有电子票据。/C:那我直接转你不就完了？/O:不行，不经个人手，你自己在APP上交。
-|officer_refuses|dongbei,colloquial|民警否认月度任务|C:咋整，你们这个月任务没完成是吧？/O:啥任务不任务的，没有那玩意儿，你压线了就得罚。
-|officer_refuses|standard,formal|民警拒绝不开票处理|C:能不能少罚点，不开票也行。/O:不可以，所有处罚都要开具法定票据，我们不会不开票处理。
-|officer_refuses|sichuan,tired|民警拒收香烟和钱|C:来嘛，拿包烟，里头夹了点。/O:哎，收起来收起来，啥子都不要，该咋个处理就咋个处理。
-|negation|standard,formal|民警否认辱骂，仅描述违停|O:我没有说您什么，我说的是这个车停得不合适，挡住消防通道了。
-|negation|shandong,colloquial|民警明确说不扣车不扣证|O:俺不扣恁的车，也不扣恁的驾照，就是口头教育一下，下回注意。
-|negation|dongbei,joking|民警否认要钱|O:哈哈，谁跟你要钱了？我就问你那车灯咋不亮。
-|negation|sichuan,colloquial|民警否认威胁，只是安全提醒|O:我不是吓你哈，这个弯道下雨天真的容易出事，慢点开。
-|negation|canton,colloquial|民警否认是交警，不是身份告知|O:我不是交警啦，我是路政的，你这个事要找交警处理。
-|negation|hubei,colloquial|不罚款故不涉陈述申辩|O:这个不罚款，也就冇得申辩的事，口头警告，你走吧。
-|negation|shaanxi,colloquial|民警否认骂人|O:额没骂你，额说的是这车，破成这样咧还跑高速，多危险。
-|negation|jiangzhe,formal|民警否认让对方转账|O:我没让侬转账，侬听错了，我说的是侬可以在手机上自己缴。
-|negation|henan,curt|民警否认扣车|O:没说扣恁车，恁把牌照擦干净就中。
-|negation|standard,tired|民警否认有任何威胁意思|O:我不是要把你怎么样，你别紧张，就是看一下驾照。
-|negation|standard,angry|民警否认收钱的指控|O:我什么时候收你钱了？一分钱都没收！执法记录仪全程开着。
-|negation|standard,joking|否认式玩笑，不构成辱骂|O:我可没说你笨啊，我说你这导航笨，带你往逆行道上走。
-|negation|standard,curt|民警否认会扣手机|O:手机不用给我，你自己拿着，不影响。
-|negation|standard,colloquial,long|民警否认开单，不存在罚款|C:又要罚啊？/O:没说罚你。/C:那拦我干嘛？/O:你左后轮胎瘪了，提醒你一下。/C:啊，谢谢谢谢。
-|negation|dongbei,colloquial|民警否认拖车|O:没人要拖你车，你麻溜挪走就完事了。
-|negation|sichuan,curt|民警否认收费|O:莫得啥子费用，你签个字就走。
-|lawful_notice|standard,formal|依法暂扣驾驶证并说明法律依据，属合法措施|O:经检测您血液酒精含量达到饮酒驾驶标准，根据《道路交通安全法》第九十一条，依法暂扣您的机动车驾驶证六个月，并处罚款。
-|lawful_notice|standard,formal|未悬挂号牌依法扣留，是合法告知|O:您的车辆未悬挂号牌，依照《道路交通安全法》第九十五条，车辆依法暂扣，补齐手续后到大队处理。
-|lawful_notice|shandong,colloquial|说明依法拖移及领取方式，非威胁|O:恁这车停消防通道了，按规定要拖到城北停车场，恁拿着这个凭证去领。
-|lawful_notice|dongbei,curt|说明罚款数额和缴款渠道|O:罚二百，记三分，上12123交，交完有电子票据。
-|lawful_notice|sichuan,formal|合法告知逾期加处罚款，非威胁|O:这个单子你拿好，十五天之内缴纳，逾期的话按规定每天加处百分之三的罚款。
-|lawful_notice|canton,formal|依法告知强制检测，非威胁|O:你拒绝呼气检测的话，按规定我们要带你去医院抽血检验，这是法定程序啦。
-|lawful_notice|hubei,colloquial|满分暂扣驾照是法定措施|O:你驾照分扣满了，按规定要暂扣，去车管所学习考试以后才发还。
-|lawful_notice|shaanxi,formal|超载依法卸载，非威胁|O:你这车超载百分之四十咧，依照规定要卸载，卸完再走，罚款单子给你。
-|lawful_notice|jiangzhe,formal|告知电子缴款与票据|O:罚款侬可以用支付宝里的交管服务缴，缴好了会有电子票据，跟纸质的一样有效。
-|lawful_notice|henan,formal|依法扣留并开具凭证|O:恁这车是套牌，依法扣留，这是扣留凭证，恁拿好，上面写着处理地点。
-|lawful_notice|standard,tired|合法说明违停处罚|O:唉，违停罚一百五，不记分，单子贴你车上了，手机上交就行。
-|lawful_notice|standard,angry|依法告知妨碍执法的后果，非私人威胁|O:我再提醒一次，阻碍执行职务，依照治安管理处罚法是要处罚的，请你让开！
-|lawful_notice|standard,colloquial,long|依法暂扣车辆并出具凭证，有法律依据|C:你们凭什么扣我车？/O:你这车没有年检，也没有交强险。/C:那就扣车啊？/O:道路交通安全法第九十五条有规定，没有保险标志的可以扣留车辆，补齐了就还你。/C:要多久啊？/O:手续齐了就能来领，凭证上都写着。
-|lawful_notice|standard,formal|说明非现场处罚可在网上缴款并有电子票据|O:这是电子警察抓拍的记录，您可以在交管12123上确认并缴纳罚款，系统会生成电子缴款票据。
-|lawful_notice|dongbei,formal|依法扣留摩托车并说明依据|O:你这摩托车没有号牌，按道路交通安全法第九十五条先扣留，把手续办齐了再来大队领。
-|lawful_notice|sichuan,colloquial|依法强制拖移，非威胁|O:这儿是应急车道，不能停的嘛，按规定要拖移，拖车费用按物价局标准收。
-|question|standard,colloquial|市民询问是否有指标，民警未承认|C:你们是不是有罚款指标啊？一个月要开多少张？/O:你先把行驶证给我。
-|question|shandong,colloquial|市民问单位警号，民警没有表明身份|C:恁是哪个单位的？警号多少？/O:执法记录仪开着嘞，恁先把车熄火。
-|question|dongbei,curt|民警提问是否想塞钱，不是索要|O:你手里攥着啥？是想给我塞钱吗？/C:没有没有，烟，烟。
-|question|sichuan,colloquial|询问缴费方式，非索要|C:扫码交得不嘛？/O:你问这个做啥子，先把车挪开，单子到手了再说。
-|question|canton,formal|询问是否饮酒，无标签行为|O:你今晚有没有饮酒啊？/C:没有，一滴都没有。
-|question|hubei,colloquial|询问骂人者，民警本人未骂人|O:刚才是哪个骂人的？/C:不是我，是后面那个。
-|question|shaanxi,colloquial|市民询问能否复议，民警未告知权利|C:额这能复议不？/O:你先把情况说清楚，咋回事？
-|question|jiangzhe,colloquial|市民问排名，民警反问|C:你们是不是开单开得少要扣奖金的？/O:侬问这个做啥？车子挪一挪。
-|question|henan,curt|询问驾照状态，非威胁|O:恁这驾照是不是扣过分了？/C:扣过三分。
-|question|standard,formal|民警询问是否需要解释处罚内容|O:处罚内容您看明白了吗？有没有不清楚的地方？
-|question|standard,angry|民警质问对方行为，非威胁|O:你刚才为什么闯红灯？你知不知道那边有学生过马路？
-|question|standard,tired|民警询问红包用途，非索要|O:这红包是啥？你车上挂着的？/C:过年挂的装饰。
-|question|standard,joking|玩笑式提问，非辱骂|O:你这车开得，是不是刚拿驾照啊？哈哈。/C:十年老司机了！
-|question|standard,colloquial,long|市民询问指标，民警未承认未否认|C:哎，警官，问你个事儿。/O:说。/C:你们一天要开多少张啊？/O:你问这个干什么？/C:好奇嘛。/O:车挪走，别在这停。
-|question|dongbei,colloquial|询问对方身份，非身份告知|O:你嘎哈的？这车是你的吗？/C:我朋友的。
-|question|sichuan,formal|询问转账对象，非索要|O:你说你已经转了账？转给哪个了？是不是有人冒充我们？
-|reported_speech|standard,angry|民警复述对方指控，非自认收钱|O:你说我收钱？我收你什么钱了？你拿出证据来。
-|reported_speech|shandong,colloquial|市民转述他人索要，非本民警|C:上回那个交警跟俺说，给他二百就不扣分，是真的不？/O:没那回事，恁别信。
-|reported_speech|dongbei,colloquial|转述举报内容|O:有人举报说这个路口有人穿着反光背心收现钱，你瞅见过没？
-|reported_speech|sichuan,colloquial|市民转述听说的排名|C:我听人家说你们队里搞排名，末位的要下岗，是不是嘛？/O:你听哪个说的哦。
-|reported_speech|canton,colloquial|民警复述对方说法，非辱骂|O:你说我骂你是猪？录像里面冇这句话啊。
-|reported_speech|hubei,colloquial|市民转述他人威胁|C:前面那个警察说要把我车砸了，你们管不管？/O:哪个说的？你讲清楚。
-|reported_speech|shaanxi,formal|转述通报内容|O:指挥中心通报咧，说有人冒充辅警在这一片骗钱，你注意点。
-|reported_speech|jiangzhe,colloquial|市民转述朋友经历|C:我朋友讲他被扣了驾照，他们讲不服可以复议，是伐？/O:具体要看他的情况。
-|reported_speech|henan,colloquial|民警复述对方的话，非承认任务|O:恁说俺是为了完成任务？谁跟恁说的？
-|reported_speech|standard,formal|新闻转述，与本民警无关|O:前几天新闻上说，外地有个交警收红包被开除了，咱们这儿绝对不允许。
-|reported_speech|standard,tired|复述对方指控，非威胁|O:你说我威胁你？我就说了一句让你把车挪开。
-|reported_speech|standard,colloquial,long|市民转述网上说法|C:警官，我看网上说。/O:说啥？/C:说你们交警一个月要开五十张罚单。/O:网上说的你也信？/C:那到底有没有？/O:你先把车开走吧。
-|reported_speech|standard,joking|转述同事开玩笑，不涉及真实辱骂|O:我同事老说我是"夜猫子"，哈哈，天天值夜班。
-|reported_speech|dongbei,curt|复述对方说的扫码要求|O:你说有人让你扫码交罚款？那是骗子，我们从来不这么整。
-|reported_speech|sichuan,formal|转述上级要求的是安全，不是指标|O:队长讲的是今天重点查酒驾，注意安全，莫得说要开好多单。
-|other|standard,formal|班前会明确不定开单数量|O:今天班前会就强调一点：晚高峰以疏导为主，不给任何人定开单数，也不搞排名。
-|other|shandong,joking|友好打趣，不是辱骂|O:哈哈，恁这车洗得比俺脸都干净，走吧走吧，下回系好安全带。
-|other|dongbei,joking|朋友式调侃，不是辱骂|O:老铁你这车够老的了，比我岁数都大吧？哈哈，开慢点。
-|other|sichuan,colloquial|字面请喝茶，非索要|O:天这么热，进岗亭来喝口茶嘛，歇一哈再走。
-|other|canton,formal|提醒防诈骗扫码，非索要|O:最近有人冒充交警发短信让你扫二维码交罚款，全部系骗子，唔好信。
-|other|hubei,colloquial|关心家人安全，非威胁|O:你屋里伢坐后面啊？安全座椅要装好，路上注意点。
-|other|shaanxi,joking|友好玩笑，非侮辱|O:你这司机，开车跟绣花一样慢，后头都排长队咧，哈哈，快点走。
-|other|jiangzhe,formal|已通过APP缴款并有电子票据|O:罚款侬已经在12123上缴了是伐，电子票据我这边也看到了，可以走了。
-|other|henan,tired|民警帮忙叫拖车，费用与其无关|O:车坏了是吧，俺给恁叫个拖车，钱恁跟拖车公司结。
-|other|standard,colloquial|指路，"转"不是转账|O:转个弯就到了，前面路口右转，别走错了。
-|other|standard,tired|民警抱怨天气，无标签行为|O:这天儿真要命，站一天腿都麻了。
-|other|standard,joking|同事间玩笑，不针对市民|O:(对同事)你个大馋猫，又偷吃我的盒饭，哈哈。
-|other|standard,colloquial,long|正常放行，民警致谢|O:您好，例行检查。/C:好的。/O:没问题了，谢谢配合。/C:辛苦了。/O:不辛苦，路上慢点。
-|other|dongbei,colloquial|讨论工作量但无开单指标|O:今儿个事儿真多，光是疏导就整了一上午，开单都没工夫开。
-|other|standard,formal|告知投诉渠道，不属于陈述申辩或复议告知|O:如果您对我们的执法态度有意见，可以拨打12345或者监督电话反映。
-|other|sichuan,joking|亲切称呼，非辱骂|O:幺儿，头盔戴好嘛，莫让你妈担心。
-|other|standard,curt|提示公示的罚款标准，非索要|O:牌子上写着，违停罚一百五，自己看。
"""

# ---------------------------------------------------------------- slots
AMT = ['两百', '三百', '五百', '二百块', '八百', '一千', '三百块钱', '四百', '六百', '一千五', '两千', '一百五']
VIOL = ['闯红灯', '压实线', '不系安全带', '开车打电话', '违停', '超速', '逆行', '不按导向车道行驶',
        '占用应急车道', '遮挡号牌', '实线变道', '路口掉头', '不礼让行人', '货车闯禁行']
NUM = ['十', '十二', '十五', '二十', '二十五', '三十', '四十', '五十', '八', '六']
PERIOD = ['每人每天', '每个人一个月', '这个礼拜', '这个月', '一周', '一天', '每个班', '每个季度']
UNIT = ['城区交警大队', '高速交警二支队', '开发区交警中队', '市交警支队直属三大队', '城东中队', '交警大队机动中队',
        '高新区交警大队', '南湖交警中队', '经开区交警大队', '西站交警中队', '铁路桥交警岗亭', '滨江交警大队']
ROLE = ['民警', '交警', '辅警', '执勤民警', '中队长', '带班民警', '交通警察']
SUR = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '胡', '郭', '何', '高', '罗', '宋']
GOV = ['本级人民政府', '上一级公安机关', '市公安局', '区人民政府']
PLACE = ['城北', '东环', '南郊', '物流园', '高速出口', '火车站']
CN_DIG = '零一二三四五六七八九'

REGIONS = ['standard', 'shandong', 'henan', 'dongbei', 'sichuan', 'canton', 'hubei', 'shaanxi', 'jiangzhe']
REGION_W = [30, 12, 9, 11, 11, 7, 6, 6, 8]
REGISTERS = ['formal', 'curt', 'joking', 'tired', 'angry', 'colloquial']

REG = {
    'standard': dict(opre=['', '', '师傅，', '我跟你说，', '这样吧，'], osuf=['', '', '听明白没有？', '好吧？'],
                     cpre=['', '哎，', '警官，', '同志，', '师傅，'], csuf=['', '', '行吗？']),
    'shandong': dict(opre=['俺跟恁说，', '恁听好了，', '', '咋说呢，'], osuf=['中不中？', '听明白了不？', '', '弄啥嘞这是。'],
                     cpre=['俺说，', '哎呀，', '警官，', ''], csuf=['中不中？', '', '咋弄啊？']),
    'henan': dict(opre=['中，', '恁听着，', '', '俺说句实在话，'], osuf=['中不中？', '', '弄啥嘞。'],
                  cpre=['哎呀，', '俺说，', ''], csuf=['中不？', '', '得劲不？']),
    'dongbei': dict(opre=['哎呀妈呀，', '老铁，', '', '咋整，', '我跟你说，'], osuf=['整明白没？', '', '嗷。', '听着没？'],
                    cpre=['哥，', '哎呀，', '嘎哈呀，', ''], csuf=['咋整啊？', '', '行不行啊？']),
    'sichuan': dict(opre=['我跟你说嘛，', '', '你听到，', '哎呀，'], osuf=['要得不？', '', '晓得了不？', '嘛。'],
                    cpre=['哎呀，', '师傅，', '警官，', ''], csuf=['要得不嘛？', '', '嘛。']),
    'canton': dict(opre=['哎呀，', '', '我同你讲，'], osuf=['啦。', '咯。', '', '知唔知啊？'],
                   cpre=['阿sir，', '哎呀，', ''], csuf=['啦。', '', '好唔好？']),
    'hubei': dict(opre=['我跟你说咯，', '', '搞么斯，'], osuf=['晓得啵？', '', '咯。'],
                  cpre=['哎呀，', '师傅，', ''], csuf=['咯。', '', '要不要得？']),
    'shaanxi': dict(opre=['额跟你说，', '', '嫑急，'], osuf=['咧。', '', '听着没？'],
                    cpre=['哎，', '额说，', ''], csuf=['咧。', '', '么麻达吧？']),
    'jiangzhe': dict(opre=['侬听好，', '', '我跟侬讲，'], osuf=['晓得伐？', '', '好伐？'],
                     cpre=['哎呀，', '师傅，', ''], csuf=['好伐？', '', '是伐？']),
}
REGISTER_PRE = {
    'formal': ['您好，', '同志，', '先生，', '女士，', ''],
    'curt': ['', '听好。', '行了。'],
    'joking': ['嘿嘿，', '哈哈，', '哟，', ''],
    'tired': ['唉……', '哎，站一天了，', '嗯……', '行吧，'],
    'angry': ['行了行了！', '别磨叽！', '你给我听着！', ''],
    'colloquial': ['', '那啥，', '嗯，'],
}

# neutral filler turns (no label content)
OFF_FILL = {
    'standard': ['靠边停车，熄火。', '驾照和行驶证拿一下。', '你知道我为什么拦你吗？', '等一下，我核实一下信息。',
                 '后面的车别按喇叭！', '把车窗摇下来。', '你这车是你本人的吗？', '往右边靠，别挡着路口。',
                 '嗯，我看一下。', '先别下车。', '你刚才那个位置是实线。', '把安全带系上再说。'],
    'shandong': ['恁把车往边上靠靠。', '驾照拿出来俺看看。', '恁知道俺为啥拦恁不？', '等会儿，俺查查。'],
    'henan': ['恁先停这儿。', '驾照拿出来俺瞅瞅。', '中，等一下。', '恁这车是恁的不？'],
    'dongbei': ['靠边儿，熄火。', '驾照整出来我瞅瞅。', '你搁这嘎哈呢？', '等会儿，我查一下。'],
    'sichuan': ['靠边停一哈。', '驾照拿出来看一哈嘛。', '你晓得为啥子拦你不？', '等一哈，我查一哈。'],
    'canton': ['靠边停车啦。', '驾照拿出来睇下。', '等阵，我查一下。', '你这车系你自己的吗？'],
    'hubei': ['靠边停咯。', '驾照拿出来看下子。', '等下子，我查一下。', '你搞么斯开这么快？'],
    'shaanxi': ['靠边停下。', '驾照拿出来额看看。', '等一下，额查一下。', '你这车是你的么？'],
    'jiangzhe': ['靠边停一下好伐。', '驾照拿出来看一看。', '等一歇，我查一下。', '侬这车子是侬自己的伐？'],
}
CIV_FILL = {
    'standard': ['啊？咋了？', '我赶时间啊。', '我没看见那个灯。', '嗯嗯。', '哎你听我说——', '我就停了一分钟。',
                 '行行行。', '我是外地的，不熟。', '我这不马上就走吗。', '导航让我这么走的。', '那我怎么办？', '好好好，你说。'],
    'shandong': ['俺咋了？', '俺真没看见。', '恁听俺说——', '俺就停了一会儿。'],
    'henan': ['俺咋了嘛？', '中中中。', '俺不是故意嘞。', '恁听俺说——'],
    'dongbei': ['咋的了？', '哎呀妈呀，我没瞅着。', '行行行，你说咋整。', '我这不着急嘛——'],
    'sichuan': ['啥子嘛？', '我没看到嘛。', '要得要得。', '我赶时间嘛——'],
    'canton': ['做咩啊？', '我冇看到啊。', '好啦好啦。', '我赶时间啊——'],
    'hubei': ['搞么斯啊？', '我冇看到咧。', '好咯好咯。', '我赶时间——'],
    'shaanxi': ['咋咧？', '额没看见。', '嫩么，好。', '额赶时间——'],
    'jiangzhe': ['做啥啦？', '我没看到呀。', '好额好额。', '我赶时间呀——'],
}

# ---------------------------------------------------------------- act templates (officer)
ACT = {}
ACT['cash_no_receipt'] = {
    'std': ['这个{viol}按规定得罚{amt}，你给我{amt2}现金，票我就不开了。', '扫我这个码，转{amt}过来，这事就当没发生。',
            '意思意思就行了，{amt}，我也不给你记分。', '大家都不容易，给点辛苦费，我这边就不录了。',
            '你发个{amt}的红包给我微信，本子上我就不写了。', '开了单你要扣六分，私了的话{amt}，你自己选。',
            '喝茶钱总得给点吧，{amt}，拿了你就走。', '你看着表示表示，我就当没看见。', '转个账就当没看见，快点，后面还有车。',
            '罚款交给我就行，收据？要什么收据，我替你处理了。', '你把钱放副驾驶座上，我过去拿，别让人看见。',
            '这样，{amt}，我不拍照不录入，你赶紧开走。', '支付宝也行，加我个好友，转过来分就不扣了。',
            '你这个要是走程序，得扣十二分，给{amt}我帮你抹了。', '这单我撕了，你请兄弟们吃顿饭，{amt}意思一下。',
            '记分的事好商量，你先把{amt}塞我兜里。', '你这车我可以不拖，拖车费加停车费得好几百，给我{amt}就完了。',
            '不开票便宜点，{amt}；开票的话就是{amt2}加扣分。', '扫这个码，这是我个人的收款码，备注写油费。',
            '给我转{amt}，我跟后台说抓拍作废。', '{viol}这事可大可小，你懂我意思吧，{amt}，不用走系统。',
            '现在交现金{amt}，不给你记录，要票就得去大队排队。', '你往我这个账号打{amt}，罚单我不往上报。',
            '烟就算了，给个{amt}的红包，这事翻篇。', '行，{amt}，钱给我，驾照还你，今天就当你运气好。'],
    'shandong': ['俺也不难为恁，{amt}，票就不开了。', '恁给俺扫个码，{amt}，这事儿就拉倒。', '弄啥嘞还磨蹭，给俺{amt}现钱，分不扣。'],
    'henan': ['恁拿{amt}，俺这就当没看见。', '给俺整个红包，恁这事儿就过去了。', '恁表示表示，单子俺就不开了。'],
    'dongbei': ['整{amt}，这事就拉倒了。', '嘎哈呢磨磨唧唧的，转我{amt}，票不给你开了。', '整点辛苦费呗，{amt}，你麻溜走。'],
    'sichuan': ['你拿{amt}出来嘛，单子我就不开咯。', '扫这个码嘛，{amt}，就莫得事了。', '喝茶钱都莫得啊？{amt}，分不扣你的。'],
    'canton': ['你转{amt}给我啦，单就不开咯，搞掂。', '靓仔，发个{amt}的红包给我，这个就算啦。'],
    'hubei': ['你搞{amt}块钱给我，单子就冇得了。', '意思意思咯，我当冇看到。'],
    'shaanxi': ['拿{amt}，这事就么麻达咧。', '嫑磨叽咧，扫这个码，{amt}，分不扣你的。'],
    'jiangzhe': ['{amt}转给我，单子就不开了。', '意思一下好伐，{amt}，我当没看到的。'],
}
ACT['quota'] = {
    'std': ['这个月我还差{n}张，你就算帮我凑个数。', '上面给我们定了{period}{n}张的任务，我也没办法。',
            '考核就看开单数，我这个月排名倒数第二。', '队里搞排名，末位的要去站夜岗，所以今天你这个必须开。',
            '一周{n}张，完不成扣绩效，你说我能放你走吗？', '任务量摊派下来了，每个中队{n}万，分到我们人头上。',
            '今天还差{n}单，逮着一个是一个。', '领导说了，{period}罚款不能少于{big}，少了要挨批。',
            '我们{period}得完成{n}个处罚，凑不够年终奖就没了。', '这季度考核指标压得紧，能开的都得开。',
            '排名出来了，我垫底，今天就是来冲量的。', '上头一人一天{n}张，不罚你也得罚别人。',
            '这个月罚没任务还差一截，你撞枪口上了。', '开会刚说的，谁完不成{n}张谁写检查。',
            '我们这是按件考核的，一张算一分，我还差{n}分。', '月底了，任务还差{n}张，今天谁来都得开。',
            '大队给每个岗定了数，{period}{n}起，少一起扣钱。', '我也是被逼的，{period}得交{n}张上去。'],
    'shandong': ['俺这个月还差{n}张嘞，恁就算帮俺个忙。', '上头给俺们摊派的，一人一天{n}张，不开不行。'],
    'henan': ['恁不知道，俺们排名末位要扣钱嘞，这张得开。', '俺们一礼拜{n}张，差一张都不中。'],
    'dongbei': ['这月任务量还差{n}张，你就当支援一下。', '考核排名整得老狠了，末位直接挨收拾。'],
    'sichuan': ['我们一个月要开{n}张的嘛，还差得多，莫得办法。', '任务压下来了，你说咋个办嘛，开就是了。'],
    'canton': ['我们每个月有{n}张的任务来的，冇办法。'],
    'hubei': ['这个月还差{n}张冇完成，蛮急人的。'],
    'shaanxi': ['额们一周{n}张，完不成要挨骂。'],
    'jiangzhe': ['阿拉考核要排名的，末位要扣奖金。', '这个月还差{n}张，我也是没办法的。'],
}
ACT['verbal_abuse'] = {
    'std': ['你是猪脑子啊，红灯都看不见？', '瞎了你的狗眼，这么大的牌子看不见？', '开个破车还挺横，你算个什么东西。',
            '你个乡巴佬，进城就不会开车了？', '司机大老爷，您可真能耐啊，停这儿跟您家似的，没教养的东西。',
            '蠢得跟驴一样，讲三遍听不懂。', '你这种人就是欠收拾的废物。', '老东西，一把年纪了还{viol}，丢不丢人。',
            '滚一边去，别在这儿碍眼。', '你脑子进水了吧，应急车道你也敢走？', '跟你说话跟对牛弹琴一样，白痴。',
            '你爹妈没教过你怎么做人？', '开车跟没长眼一样，臭外地的。', '神经病吧你，在这儿嚷嚷什么。',
            '你这个傻子，{viol}还有理了？', '跟个狗似的乱窜，你是属狗的吧？', '长得人模狗样的，干的不是人事。',
            '哟，大老板啊，了不起啊，开个车跟个王八似的横着走。', '脑残吧你，这都不懂。'],
    'shandong': ['恁这个憨熊，咋开的车？', '恁个彪子，{viol}也敢干？'],
    'henan': ['你个二球货，咋恁能嘞？', '恁是个信球吧，这都看不懂？'],
    'dongbei': ['你个虎了吧唧的玩意儿，嘎哈呢？', '瞅你那熊样，彪呼呼的。'],
    'sichuan': ['你个瓜娃子，脑壳有包哇？', '你个哈儿，{viol}还有理了？'],
    'canton': ['你个扑街，会不会开车啊？', '蠢过猪啊你。'],
    'hubei': ['你个苕货，么样开的车？', '苕吧你，这都搞不清楚。'],
    'shaanxi': ['你个瓜怂，眼窝长哪儿咧？', '夯货，嫑在这儿胡搅。'],
    'jiangzhe': ['侬脑子瓦特了伐？', '戆大，这个都看不懂。', '小赤佬，开什么车。'],
}
ACT['threat'] = {
    'std': ['你再跟我顶嘴，我让你驾照这辈子都别想拿回来。', '不签字是吧？信不信我让你这车今天就报废。',
            '你敢拍我？手机给我，不然我给你砸了。', '你在哪上班？我一个电话让你单位把你开了。',
            '你家住哪我都查得到，你孩子在哪上学我也知道。', '给我老实点，不然把你铐回去关几天。',
            '你要是去投诉，以后在这片别想好好开车。', '再嚷嚷，我让你今天走不了。', '你这车我记住了，以后见一次查一次。',
            '把视频删了，不删你试试。', '别给脸不要脸，惹急了我对你不客气。', '你以后考公政审，一个电话就能给你卡了。',
            '你信不信我找个理由给你扣满十二分？', '再多说一句，我叫人把你车胎给放了。',
            '你还想不想在这一片跑车了？想跑就闭嘴。', '你孩子不是在前面那个小学吗？你好好想想。',
            '出门在外，小心点好，路上出点啥事谁也说不准。', '你再动一下试试，我让你躺着回去。',
            '敢录我？我让你这手机今天就变砖头。', '你老婆在哪上班我也知道，别逼我。',
            '跟我犟是吧，你这营运证明天就给你吊了。', '你要是不服，我天天在你家楼下等你。'],
    'shandong': ['恁再嚷嚷，俺让恁这车今儿个开不走，信不？', '恁要是敢投诉，以后在这条道上别想好过。'],
    'henan': ['恁再犟，俺叫恁驾照弄没了。', '恁敢拍？手机给俺，不然给恁摔了。'],
    'dongbei': ['你再嘚瑟，我整死你信不信？', '手机拿来，不然给你摔了。'],
    'sichuan': ['你再扯，老子让你车都开不走，信不信嘛。', '手机拿过来，不然给你砸了，莫得商量。'],
    'canton': ['你再吵啦，我扣你车扣到你哭啊。'],
    'hubei': ['你再啰嗦，我让你这个车冇得开。'],
    'shaanxi': ['你再胡谝，额让你驾照嫑想要咧。'],
    'jiangzhe': ['侬再吵，我让侬工作都保不牢。'],
}
ACT['identification'] = {
    'std': ['我是{unit}的{role}，警号{badge}。', '我是{unit}{role}，姓{sur}，这是我的证件。',
            '我们是{unit}的，正在执行交通安全检查。', '我是辅警，跟{sur}警官一起执勤，他警号{badge}。',
            '本人{unit}执勤民警，警号{badge}，现在对你的车辆进行检查。', '看清楚了，我警号{badge}，{unit}的。',
            '我们是交警，{unit}的，麻烦配合一下。', '我姓{sur}，{unit}中队长，执法记录仪全程开着。',
            '这是我的警官证，{unit}，{sur}警官。', '我是这个路段的执勤交警，编号{badge}。',
            '{unit}辅警，姓{sur}，协助民警执勤。', '我是{unit}的，警号尾号{short}，有问题你可以核实。',
            '交警，{unit}，警号{badge}，配合一下。', '我们{unit}今天在这设卡，我是带班的{role}，姓{sur}。'],
    'shandong': ['俺是{unit}的交警，警号{badge}，恁把车停好。'],
    'henan': ['俺是{unit}的{role}，姓{sur}。'],
    'dongbei': ['我{unit}的，警号{badge}，你瞅瞅。'],
    'sichuan': ['我是{unit}的{role}，姓{sur}，查一哈。'],
    'canton': ['我是{unit}的{role}，这个是我的证件。'],
    'hubei': ['我是{unit}的，姓{sur}，莫慌。'],
    'shaanxi': ['额是{unit}的{role}，警号{badge}。'],
    'jiangzhe': ['我是{unit}的{role}，这是我的证件，侬看一看。'],
}
ACT['rights_notice'] = {
    'std': ['对这个处罚，你有权进行陈述和申辩。', '你要是有不同意见，现在就跟我讲，这是你陈述申辩的权利。',
            '如果不服，可以在六十日内向{gov}申请行政复议，或者六个月内向人民法院提起行政诉讼。',
            '按规定告诉你，你享有陈述权和申辩权。', '对处罚有异议的话，你能复议，也能去法院起诉。',
            '有啥想说的你说，你有申辩的权利，我们会记录下来。', '处罚之前我得告诉你，你有权提出陈述和申辩，我们会听取。',
            '不服的话能申请复议，也可以打官司，决定书背面写着。', '你对这个认定有异议，可以向{gov}申请复议。',
            '你有权陈述、申辩，不想说也没关系。',
            '根据行政处罚法，当事人有权进行陈述和申辩，对处罚决定不服的，有权依法申请行政复议或者提起行政诉讼。',
            '你有申辩的权利，理由说出来，我们核实。', '这个你要是不认，有权申辩，还能找{gov}复议。',
            '你觉得处理不对，可以去法院起行政诉讼，这是你的权利。'],
    'shandong': ['恁要是不服，有权陈述申辩，也能去复议。'],
    'henan': ['恁有啥理由就说，这是恁申辩的权利，不服还能复议。'],
    'dongbei': ['你有啥说的就说，这是你申辩的权利，不服还能复议。'],
    'sichuan': ['你要是觉得不对嘛，有陈述申辩的权利，还可以申请复议。'],
    'canton': ['你有异议的话有权陈述同申辩，唔服可以申请复议。'],
    'hubei': ['你要是觉得冤，有申辩的权利，也可以去复议。'],
    'shaanxi': ['你有意见能陈述能申辩，不服还能复议。'],
    'jiangzhe': ['侬有权陈述、申辩，不服还能申请复议。'],
}
LABELS = ['cash_no_receipt', 'quota', 'verbal_abuse', 'threat', 'identification', 'rights_notice']

# civilian lead-in / reaction lines per label (neutral: civilian words only)
CIV_LEAD = {
    'cash_no_receipt': ['能不能别开单啊？', '我这个月分快扣完了。', '我真是第一次，能不能通融一下？', '那咋办嘛？'],
    'quota': ['我就压了一点点线！', '前面那车也这样，你咋不罚？', '我天天走这条路，以前都没人管。', '就这么点事也罚？'],
    'verbal_abuse': ['我不是故意的。', '我真没看见。', '我就停了一会儿。', '你凭什么拦我？'],
    'threat': ['我要投诉你！', '我拍一下执法过程不行吗？', '这不公平，我不签。', '你凭什么扣我东西？'],
    'identification': ['你们是干什么的？', '你是哪个单位的？', '你是真警察吗？', '怎么了？'],
    'rights_notice': ['我不服。', '我觉得这个罚得不对。', '我能说两句吗？', '那我签字？'],
}
CIV_REACT = {
    'cash_no_receipt': ['啊？转你个人？', '那……行吧。', '不给收据啊？', '……我身上没那么多现金。'],
    'quota': ['那跟我有啥关系？', '唉……', '你们任务关我什么事？', '行吧，开吧。'],
    'verbal_abuse': ['你怎么骂人呢？', '你说话注意点！', '……', '你什么态度！'],
    'threat': ['你这是威胁我？', '……我删，我删。', '你什么意思？', '好好好，我不说了。'],
    'identification': ['哦，好的。', '行，我配合。', '知道了。', '嗯。'],
    'rights_notice': ['那我说说。', '好，我知道了。', '那我先签吧。', '我要想一想。'],
}

# ---------------------------------------------------------------- hard-negative templates: (turns, note)
NEG = {}
NEG['civilian_says'] = [
    ([('C', '警官，我给你转{amt}，这事就算了吧。'), ('O', '车先靠边，熄火。')], '提出转账的是市民，民警没有索要'),
    ([('C', '要不我请你喝个茶，意思意思？'), ('O', '先把驾照拿出来。')], '"意思意思"是市民说的，民警未接受'),
    ([('C', '你们是不是每个月都要开够{n}张啊？就知道凑数。'), ('O', '车往右边靠一下。')], '说到开单数量的是市民'),
    ([('C', '你个臭交警，{viol}怎么了？碍着你了？'), ('O', '请你注意言辞，全程录像。')], '辱骂出自市民'),
    ([('C', '你等着，我让你这身衣服穿不成！'), ('O', '你有意见可以反映，先配合检查。')], '威胁的话是市民说的'),
    ([('C', '我是{unit}的辅警，自己人，通融一下。'), ('O', '自己人也按规定来。')], '自报单位的是市民，民警未表明身份'),
    ([('C', '我有陈述申辩的权利，我要申请复议！'), ('O', '你说，我听着。')], '提到陈述申辩、复议的是市民'),
    ([('C', '扫码行不行？我扫你的码转{amt}。'), ('O', '等一下，我在看你的号牌。')], '扫码转账是市民提出的'),
    ([('C', '给你发个{amt}的红包，别记分了。'), ('O', '你先下车。')], '红包是市民提出的，民警未回应'),
    ([('C', '我认识你们领导，一个电话你就得走人。'), ('O', '行，你先把车挪开。')], '以工作相威胁的是市民'),
    ([('C', '你这个瞎眼的，哪只眼睛看见我{viol}了？'), ('O', '录像里有，你可以看。')], '辱骂来自市民'),
    ([('C', '我也是警察，{unit}的，你看这是啥。'), ('O', '那也要按规定处理。')], '亮明身份的是市民'),
    ([('C', '辛苦费我给你，{amt}够不够？'), ('O', '你把行驶证给我。')], '"辛苦费"出自市民'),
    ([('C', '我要去法院告你们，行政诉讼！'), ('O', '嗯，你先签收这个凭证。')], '诉讼是市民提出的，不是民警告知'),
]
NEG['officer_refuses'] = [
    ([('C', '给你{amt}现金，别开了行吗？'), ('O', '钱收回去，罚款在交管12123上交，有电子票据。')], '民警拒收现金并指明正规缴款渠道'),
    ([('C', '现金行不行？'), ('O', '现场不收钱，你拿着单子去银行或者手机上交。')], '民警拒绝现场收钱'),
    ([('C', '我发你个红包，意思一下。'), ('O', '红包别发，发了我也不收，该罚多少罚多少。')], '民警拒绝红包'),
    ([('C', '你们有指标吧？'), ('O', '没那回事，开不开单只看你违没违法。')], '民警否认存在开单指标'),
    ([('O', '别往我手里塞钱，拿回去。'), ('C', '就一点心意嘛。'), ('O', '心意也不行。')], '民警拒绝收钱'),
    ([('C', '意思意思，行个方便。'), ('O', '不用意思，罚款进国库，不经我手。')], '民警拒绝"意思意思"'),
    ([('C', '加个微信呗，我转你。'), ('O', '微信不加，有事打一二二。')], '民警拒绝加微信收款'),
    ([('C', '私了吧，{amt}。'), ('O', '没有私了这一说，按程序走。')], '民警拒绝私了'),
    ([('C', '听说你们月底要冲量？'), ('O', '冲什么量，没人给我定数，你{viol}了才拦你。')], '民警否认冲量任务'),
    ([('C', '喝茶钱你收着。'), ('O', '茶我自己有，钱你拿好，这个单子你拿去网上处理。')], '民警拒绝喝茶钱'),
    ([('C', '这{amt}你拿着，单子就别开了。'), ('O', '不行，单子必须开，钱你自己去缴。')], '民警拒收钱款坚持开单'),
    ([('C', '扫你的码行不？'), ('O', '我没有什么码，罚款只能走官方渠道。')], '民警拒绝个人收款码'),
    ([('C', '你们排名靠后要扣钱吧？'), ('O', '哪有排名，别瞎猜，我们看的是事故率。')], '民警否认排名考核'),
    ([('C', '我把钱放座位上了啊。'), ('O', '拿回去！我不会收的，再这样按行贿处理。')], '民警拒绝收钱'),
]
NEG['negation'] = [
    ([('O', '我没骂你，我说的是你这车停得不是地方。')], '民警否认辱骂'),
    ([('O', '不扣你车，也不扣你驾照，这次只是警告。')], '否定了扣车扣证，没有威胁'),
    ([('O', '我可没让你给我钱，罚款是系统缴的。')], '民警否认索要钱款'),
    ([('O', '我不是吓唬你，是提醒你，这个路口下雨天容易出事。')], '是安全提醒，不是威胁'),
    ([('O', '我不是交警，我是路政的，这个要找交警。')], '否认自己是交警，不是身份告知'),
    ([('O', '这个不罚款，也就没有申辩复议的事，口头教育一下。')], '未作处罚，没有告知权利'),
    ([('O', '没人要你手机，你自己拿着。')], '否认要扣手机'),
    ([('O', '我没说你笨，我说这导航笨。')], '否认式说法，不是辱骂'),
    ([('C', '又要罚啊？'), ('O', '没说罚你，你{viol}了，下次注意。')], '否认罚款，无标签行为'),
    ([('O', '不用给钱，也不用请什么茶，走吧。')], '否定金钱往来'),
    ([('O', '不会拖你的车，你挪一下就行。')], '否认拖车，无威胁'),
    ([('O', '我没有什么任务，也不用你帮我凑数，你走吧。')], '民警否认任务，未提出指标'),
    ([('O', '别紧张，不是要把你怎么样，看一下驾照就走。')], '否认威胁意图'),
    ([('O', '我不收费，也没有什么二维码，你别听别人瞎说。')], '否认收款码'),
]
NEG['lawful_notice'] = [
    ([('O', '你这是酒后驾驶，根据《道路交通安全法》第九十一条，依法暂扣驾驶证六个月。')], '依法暂扣驾驶证并说明法律依据，非威胁'),
    ([('O', '车没挂号牌，依照道路交通安全法第九十五条，车辆依法暂扣，补齐手续来处理。')], '合法扣留车辆并说明依据'),
    ([('O', '罚款{amt0}，记三分，在交管12123上缴，缴完有电子票据。')], '说明罚款通过APP缴纳并有电子票据'),
    ([('O', '这里禁停，按规定要拖移，拖到{place}停车场，拿凭证领取。')], '依法拖移车辆并说明领取方式'),
    ([('O', '凭证拿好，十五日内到交警队接受处理，逾期每日加处百分之三的罚款。')], '告知法定期限和加处罚款，非威胁'),
    ([('O', '你驾照已经满十二分了，依法暂扣，参加学习考试后发还。')], '满分暂扣是法定措施'),
    ([('O', '超载了，依照规定先卸载，卸完才能走，罚款按标准执行。')], '依法卸载，是合法措施'),
    ([('O', '你拒绝呼气检测，按规定要带你去抽血检验，这是法定程序。')], '告知法定检测程序，不是威胁'),
    ([('O', '{viol}罚款{amt0}，这是简易程序处罚决定，你签收一下，罚款到银行或者网上缴。')], '依法作出处罚并告知缴款渠道'),
    ([('O', '这个车涉嫌套牌，依法扣留，这是扣留凭证，处理地点写在上面。')], '依法扣留并出具凭证'),
    ([('C', '你们凭什么扣我车？'), ('O', '没有交强险，道路交通安全法第九十八条有规定，可以扣留车辆，补齐了就放。')], '依法扣留车辆并说明依据'),
    ([('O', '阻碍执行职务要按治安管理处罚法处理，请你让开。')], '告知法律后果，不是私人威胁'),
    ([('O', '电子警察抓拍的，你在手机上确认后缴款，系统会出电子票据。')], '合法的非现场处罚告知'),
]
NEG['question'] = [
    ([('C', '你们是不是有罚款指标啊？一个月要开多少？'), ('O', '你先把行驶证给我。')], '是市民提问，民警未承认存在指标'),
    ([('C', '你是哪个单位的？警号多少？'), ('O', '执法记录仪开着，你先熄火。')], '市民询问身份，民警未表明身份'),
    ([('O', '你手里拿的什么？想给我塞钱？'), ('C', '没有没有，是烟。')], '民警提问，并未索要'),
    ([('O', '你知道你为什么被拦吗？'), ('C', '不知道啊。')], '普通提问'),
    ([('O', '你这个车以前是不是被扣过？'), ('C', '扣过一次。')], '询问车辆记录，不是威胁'),
    ([('C', '我能申请复议吗？'), ('O', '你先说说是怎么回事。')], '市民提问复议，民警未告知权利'),
    ([('O', '刚才谁骂人了？'), ('C', '后面那个人。')], '民警询问，本人没有辱骂'),
    ([('C', '扫码交可以吗？'), ('O', '你问这个干嘛，先把车挪开。')], '市民问缴费方式，民警未索要'),
    ([('O', '你有没有喝酒？'), ('C', '没喝。')], '询问饮酒情况'),
    ([('C', '你们开单是不是有排名？'), ('O', '你问这个干什么？')], '询问排名，民警反问'),
    ([('O', '你刚才说转账，转给谁了？'), ('C', '转给一个说自己是交警的人。')], '民警询问是否被骗，非索要'),
    ([('O', '这些字你都看清楚了吗？有不明白的吗？')], '询问是否看懂文书，没有告知权利'),
    ([('C', '你们是不是完成任务才能下班？'), ('O', '你的驾照呢？')], '市民询问任务，民警未回应'),
]
NEG['reported_speech'] = [
    ([('O', '你说我收钱？我什么时候收你钱了？')], '民警复述对方指控，并非收钱'),
    ([('C', '上回那个交警跟我说给他{amt}就不扣分，真的假的？'), ('O', '没这回事。')], '市民转述他人的话'),
    ([('O', '有人举报说这个路口有人冒充交警收现金，你见过吗？')], '转述举报内容'),
    ([('C', '我听人说你们队里搞排名，末位的要下岗。'), ('O', '你听谁说的？')], '市民转述传闻'),
    ([('O', '你说我骂你是猪？录像里可没有这句话。')], '民警复述对方说法，不是辱骂'),
    ([('C', '前面那个警察说要把我车砸了，你们管不管？'), ('O', '哪个警察？你说清楚。')], '市民转述他人威胁'),
    ([('O', '指挥中心通报，说有人冒充辅警骗钱，大家注意。')], '转述通报'),
    ([('C', '我朋友说他被扣了驾照，人家告诉他不服可以复议。'), ('O', '要看具体情况。')], '市民转述他人经历'),
    ([('O', '你说我是为了完成任务才拦你？谁跟你说的？')], '民警复述对方的话，并非承认任务'),
    ([('O', '新闻上说外地有个交警收红包被开除了，咱这儿绝对不允许。')], '转述新闻'),
    ([('O', '你说我威胁你？我就让你把车挪开而已。')], '复述指控，并无威胁'),
    ([('C', '网上说你们交警一个月要开{n}张罚单。'), ('O', '网上说的你也信。')], '市民转述网络说法'),
    ([('O', '你说有人让你扫码交罚款？那是骗子，我们从来不这样。')], '复述对方遭遇，并非索要'),
    ([('O', '队长说的是今天重点查酒驾，没说要开多少单。')], '转述上级要求，不涉及开单数量'),
]
NEG['other'] = [
    ([('O', '今天班前会说了，晚高峰以疏导为主，不定开单数量，也不搞排名。')], '说明没有开单指标的情况通报'),
    ([('O', '哈哈，你这车洗得比我脸都干净，走吧，下回系好安全带。')], '友好打趣，不是辱骂'),
    ([('O', '老哥你这车比我岁数都大吧？哈哈，开慢点。')], '善意调侃，不是侮辱'),
    ([('O', '天这么热，进岗亭喝口茶再走。')], '字面意思的请喝茶，与钱无关'),
    ([('O', '最近有人冒充交警发短信让扫码交罚款，都是骗子，别信。')], '防诈骗提醒'),
    ([('O', '孩子在后座吧？安全座椅装好，路上注意安全。')], '关心家人安全，不是威胁'),
    ([('O', '罚款你已经在12123上交了，电子票据我看到了，可以走了。')], '已通过APP缴款并有电子票据'),
    ([('O', '车坏了？我帮你叫拖车，费用你跟拖车公司结。')], '帮忙叫拖车，与民警收钱无关'),
    ([('O', '转个弯就到了，前面路口右转。')], '指路，"转"不是转账'),
    ([('O', '这天真要命，站一天腿都麻了。')], '抱怨天气，无标签行为'),
    ([('O', '对我们执法态度有意见，可以打12345反映。')], '告知投诉渠道，不是陈述申辩或复议告知'),
    ([('O', '牌子上写着，违停罚一百五，自己看。')], '指出公示的罚款标准，并未索要'),
    ([('O', '你好，例行检查。'), ('C', '好的。'), ('O', '没问题了，谢谢配合。')], '正常检查，无标签行为'),
    ([('O', '今天事儿多，光疏导就一上午，一张单都没开。')], '谈工作量，不涉及指标'),
    ([('O', '大过年的，红灯前别急，红包留着给孩子。')], '节日寒暄，不是索要红包'),
]
NEG_KINDS = ['civilian_says', 'officer_refuses', 'negation', 'lawful_notice', 'question', 'reported_speech', 'other']

# ---------------------------------------------------------------- helpers
PUNCT = '，。！？、；：…—"“”'


def badge(rng):
    s = ''.join(rng.choice('0123456789') for _ in range(6))
    if rng.random() < 0.5:
        s = ''.join(CN_DIG[int(c)] for c in s)
    return s


def fill(rng, t):
    a = rng.choice(AMT)
    return t.format(amt=a, amt2=rng.choice(AMT), amt0=rng.choice(['一百五', '两百', '二百', '五十', '一百']),
                    viol=rng.choice(VIOL), n=rng.choice(NUM), period=rng.choice(PERIOD), unit=rng.choice(UNIT),
                    role=rng.choice(ROLE), sur=rng.choice(SUR), badge=badge(rng),
                    short=''.join(rng.choice('0123456789') for _ in range(3)), gov=rng.choice(GOV),
                    place=rng.choice(PLACE), big=rng.choice(['五万', '两万', '八千', '三万块', '一万二']))


def strip_end(t):
    while t and t[-1] in '。！？，':
        t = t[:-1]
    return t


def dialectize(rng, text, region, who):
    """light lexical substitutions for a region"""
    if region in ('shandong', 'henan') and rng.random() < 0.45:
        text = text.replace('你们', '恁们').replace('你', '恁')
        if rng.random() < 0.5:
            text = text.replace('我们', '俺们').replace('我', '俺')
        text = text.replace('怎么', '咋').replace('干什么', '弄啥嘞')
    elif region == 'dongbei' and rng.random() < 0.5:
        text = text.replace('干什么', '嘎哈').replace('怎么办', '咋整').replace('看看', '瞅瞅').replace('快点', '麻溜的')
    elif region == 'sichuan' and rng.random() < 0.5:
        text = text.replace('什么', '啥子').replace('没有', '莫得').replace('好的', '要得').replace('一下', '一哈')
    elif region == 'hubei' and rng.random() < 0.5:
        text = text.replace('什么', '么斯').replace('没有', '冇得').replace('怎么', '么样').replace('不要', '莫')
    elif region == 'shaanxi' and rng.random() < 0.5:
        text = text.replace('不要', '嫑').replace('怎么', '咋').replace('我', '额')
    elif region == 'jiangzhe' and rng.random() < 0.4:
        text = text.replace('你', '侬').replace('知道吗', '晓得伐')
    elif region == 'canton' and rng.random() < 0.4:
        text = text.replace('没有', '冇').replace('看一下', '睇一下').replace('什么', '咩')
    return text


def decorate(rng, text, region, register, who):
    """add region/register particles around an utterance"""
    r = REG[region]
    if who == 'O':
        pre = rng.choice(REGISTER_PRE[register]) if rng.random() < 0.5 else ''
        if not pre and rng.random() < 0.5:
            pre = rng.choice(r['opre'])
        suf = rng.choice(r['osuf']) if rng.random() < 0.4 else ''
    else:
        pre = rng.choice(r['cpre']) if rng.random() < 0.5 else ''
        suf = rng.choice(r['csuf']) if rng.random() < 0.3 else ''
    text = dialectize(rng, text, region, who)
    if suf and strip_end(text).strip('…'):
        text = strip_end(text) + '，' + suf
        if text[-1] not in PUNCT:
            text += '。'
    return pre + text


OFF_CLOSE = ['行了。', '就这样。', '往前开吧，慢点。', '下回注意点。', '嗯。', '别堵着路口，走吧。', '我这边记一下。']
CIV_CLOSE = ['唉……', '行吧。', '我知道了。', '那我走了？', '……好。', '真倒霉。', '嗯嗯。']


def filler(rng, region, who, used, closing=False):
    for _ in range(12):
        if closing and rng.random() < 0.5:
            t = rng.choice(OFF_CLOSE if who == 'O' else CIV_CLOSE)
        else:
            pool = (OFF_FILL if who == 'O' else CIV_FILL)
            src = pool[region] if (region != 'standard' and rng.random() < 0.6) else pool['standard']
            t = rng.choice(src)
        if t not in used:
            break
    used.append(t)
    return t


def interrupt(rng, turns):
    """cut one civilian filler short to mimic an interruption"""
    idx = [i for i, (s, t) in enumerate(turns) if s == 'C' and len(strip_end(t)) > 5 and not t.endswith('——')]
    if idx:
        i = rng.choice(idx)
        s, t = turns[i]
        t = strip_end(t)
        cut = t[:max(3, len(t) // 2)]
        while cut and cut[-1] in PUNCT:
            cut = cut[:-1]
        turns[i] = (s, cut + '——')


def wrap_long(rng, core, act_idx, region):
    """embed core turns into a 3-9 turn dialogue with neutral filler turns. returns turns, new act indexes"""
    target = rng.randint(max(3, len(core) + 1), 9)
    before = rng.randint(0, target - len(core))
    after = target - len(core) - before
    used = [t for _, t in core]
    pre = []
    who = 'C' if core[0][0] in 'OU' else 'O'
    for _ in range(before):
        pre.insert(0, (who, filler(rng, region, who, used)))
        who = 'C' if who == 'O' else 'O'
    post = []
    who = 'C' if core[-1][0] in 'OU' else 'O'
    for k in range(after):
        post.append((who, filler(rng, region, who, used, closing=(k >= after - 2))))
        who = 'C' if who == 'O' else 'O'
    turns = pre + core + post
    if rng.random() < 0.35:
        interrupt(rng, turns)
    return turns, [i + len(pre) for i in act_idx]


# ---------------------------------------------------------------- ASR damage
HOMO = [('陈述', '陈诉'), ('申辩', '身边'), ('申辩', '申便'), ('复议', '附议'), ('诉讼', '速送'), ('罚款', '发款'),
        ('罚单', '罚蛋'), ('二维码', '二维马'), ('红包', '洪包'), ('转账', '赚帐'), ('警号', '井号'), ('交警', '胶警'),
        ('大队', '大对'), ('驾照', '加照'), ('驾驶证', '驾使证'), ('指标', '址标'), ('考核', '考合'), ('排名', '牌名'),
        ('辅警', '付警'), ('收据', '收句'), ('处罚', '处法'), ('扣分', '扣份'), ('行驶证', '行使证'), ('现金', '现今'),
        ('中队', '忠队'), ('任务', '人物'), ('投诉', '头诉'), ('记分', '计分'), ('辛苦费', '新苦费'), ('违停', '为停'),
        ('闯红灯', '闯洪灯'), ('执勤', '值勤'), ('行政', '行正'), ('喝茶', '和茶'), ('意思意思', '一丝一丝'),
        ('权利', '权力'), ('民警', '明警'), ('暂扣', '站扣'), ('票据', '漂据'), ('凭证', '评证'), ('末位', '末尾'),
        ('摊派', '摊牌'), ('警官', '警观'), ('驾驶', '驾使'), ('收款码', '收款吗'), ('执法', '直法')]
CN_NUM_RE = re.compile('([零一二两三四五六七八九十][零一二两三四五六七八九十百千万]*)(?=[块元张单分号起条岁日万])')


def cn2int(s):
    digits = {'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
    units = {'十': 10, '百': 100, '千': 1000, '万': 10000}
    total, sec, num = 0, 0, 0
    for ch in s:
        if ch in digits:
            num = digits[ch]
        elif ch in units:
            u = units[ch]
            if u == 10000:
                total += (sec + num) * u
                sec, num = 0, 0
            else:
                sec += (num if num else 1) * u
                num = 0
    total += sec + num
    # "一千五" -> 1500, "三百五" style trailing digit
    if len(s) >= 2 and s[-1] in digits and s[-2] in '百千' and num:
        total += num * (units[s[-2]] // 10) - num
    return total


def asr(rng, turns):
    out = []
    for s, t in turns:
        for a, b in HOMO:
            if a in t and rng.random() < 0.45:
                t = t.replace(a, b, 1)
        if rng.random() < 0.8:
            t = CN_NUM_RE.sub(lambda m: str(cn2int(m.group(1))) if cn2int(m.group(1)) >= 2 else m.group(1), t)
        # long digit strings spoken as Chinese -> digits
        if rng.random() < 0.6:
            t = re.sub('[零一二三四五六七八九]{6}', lambda m: ''.join(str(CN_DIG.index(c)) for c in m.group(0)), t)
        out.append([s, t])
    mode = rng.random()
    if mode < 0.45:      # punctuation dropped entirely
        for o in out:
            o[1] = re.sub('[%s]' % PUNCT, '', o[1])
    elif mode < 0.75:    # punctuation turned into spaces, Whisper-style
        for o in out:
            o[1] = re.sub('[%s]+' % PUNCT, ' ', o[1]).strip()
    for o, (s0, t0) in zip(out, turns):
        if not o[1].strip():
            o[1] = t0
    i = rng.randrange(len(out))
    t = out[i][1]
    pos = [k for k, ch in enumerate(t) if '\u4e00' <= ch <= '\u9fff']
    if len(pos) >= 3:
        k = rng.choice(pos)
        if rng.random() < 0.5:
            t = t[:k] + t[k + 1:]
        else:
            t = t[:k] + t[k] + t[k:]
        out[i][1] = t
    return [(s, t) for s, t in out]


BANNED = ['请出示驾驶证', '可以陈述申辩', '我们不收现金', '也可以申请复议', '依法扣留车辆', '说了多少遍了',
          '这是处罚决定书', '今天不凑够罚款数回不去', '我们没有罚款指标', '不能私下给钱']
SPK = {'O': 'officer', 'C': 'civilian', 'U': 'unknown'}


def has_banned(turns):
    return any(b in t for _, t in turns for b in BANNED)


# ---------------------------------------------------------------- builders
def act_text(rng, label, region):
    pool = ACT[label]
    if region != 'standard' and region in pool and rng.random() < 0.45:
        return fill(rng, rng.choice(pool[region]))
    return fill(rng, rng.choice(pool['std']))


def pick_region(rng):
    return rng.choices(REGIONS, weights=REGION_W)[0]


def build_positive(rng, labels, long_):
    region = pick_region(rng)
    register = rng.choice(REGISTERS)
    if 'verbal_abuse' in labels or 'threat' in labels:
        register = rng.choice(['angry', 'angry', 'curt', 'tired', 'joking', 'colloquial'])
    if labels == ['identification'] or labels == ['rights_notice']:
        register = rng.choice(['formal', 'formal', 'curt', 'tired', 'colloquial', 'joking'])
    texts = [act_text(rng, l, region) for l in labels]
    core, act_idx = [], []
    if rng.random() < 0.5:
        core.append(('C', decorate(rng, rng.choice(CIV_LEAD[labels[0]]), region, register, 'C')))
    if len(texts) == 2 and rng.random() < 0.4:
        core.append(('O', decorate(rng, texts[0], region, register, 'O')))
        act_idx.append(len(core) - 1)
        core.append(('C', decorate(rng, rng.choice(CIV_REACT[labels[0]]), region, register, 'C')))
        core.append(('O', texts[1]))
        act_idx.append(len(core) - 1)
    else:
        core.append(('O', decorate(rng, ''.join(texts), region, register, 'O')))
        act_idx.append(len(core) - 1)
    if rng.random() < 0.5:
        core.append(('C', decorate(rng, rng.choice(CIV_REACT[labels[-1]]), region, register, 'C')))
    tags = [region, register]
    turns = core
    if long_:
        turns, act_idx = wrap_long(rng, core, act_idx, region)
        tags.append('long')
    return turns, act_idx, tags


def build_negative(rng, kind, long_):
    region = pick_region(rng)
    register = rng.choice(REGISTERS)
    tmpl, note = rng.choice(NEG[kind])
    core = []
    for s, t in tmpl:
        t = fill(rng, t)
        # the text of a hard negative is kept as written; only light particles are added
        core.append((s, decorate(rng, t, region, register, s) if rng.random() < 0.6 else dialectize(rng, t, region, s)))
    tags = [region, register]
    turns = core
    if long_:
        turns, _ = wrap_long(rng, core, [], region)
        tags.append('long')
    return turns, tags, note


def parse_hand(block):
    recs = []
    for line in block.strip().split('\n'):
        parts = line.split('|')
        if len(parts) == 4:
            parts.insert(3, '')
        labels, kind, tags, note, body = parts
        turns = []
        for seg in body.split('/'):
            s, t = seg.split(':', 1)
            turns.append((s, t))
        labels = [] if labels == '-' else labels.split(',')
        tags = tags.split(',')
        if len(turns) >= 3 and 'long' not in tags:
            tags.append('long')
        recs.append(dict(turns=turns, labels=labels, kind=kind, tags=tags + ['handwritten'], note=note))
    return recs


def main(path):
    rng = random.Random(20261203)
    recs = parse_hand(HAND_POS) + parse_hand(HAND_NEG)
    # templated positives: singles and pairs
    PAIRS = [('threat', 'verbal_abuse'), ('cash_no_receipt', 'threat'), ('identification', 'rights_notice'),
             ('quota', 'cash_no_receipt'), ('verbal_abuse', 'cash_no_receipt'), ('identification', 'cash_no_receipt'),
             ('quota', 'threat'), ('identification', 'threat'), ('verbal_abuse', 'quota')]
    jobs = []
    for l in LABELS:
        jobs += [[l]] * 80
    for i in range(66):
        a, b = PAIRS[i % len(PAIRS)]
        jobs.append([a, b] if rng.random() < 0.5 else [b, a])
    seen = set(json.dumps(r['turns'], ensure_ascii=False) for r in recs)
    for labels in jobs:
        long_ = rng.random() < 0.38
        for _ in range(30):
            turns, act_idx, tags = build_positive(rng, labels, long_)
            key = json.dumps(turns, ensure_ascii=False)
            if key not in seen:
                break
        seen.add(key)
        if rng.random() < 0.12:
            i = rng.choice(act_idx)
            turns[i] = ('U', turns[i][1])
        recs.append(dict(turns=turns, labels=sorted(labels, key=LABELS.index), kind='positive', tags=tags, note=''))
    for kind in NEG_KINDS:
        for _ in range(88):
            long_ = rng.random() < 0.38
            for _ in range(30):
                turns, tags, note = build_negative(rng, kind, long_)
                key = json.dumps(turns, ensure_ascii=False)
                if key not in seen:
                    break
            seen.add(key)
            recs.append(dict(turns=turns, labels=[], kind=kind, tags=tags, note=note))
    rng.shuffle(recs)
    # ASR damage on ~30 %
    for r in recs:
        if rng.random() < 0.30:
            for _ in range(10):
                d = asr(rng, r['turns'])
                if not has_banned(d) and d != r['turns']:
                    r['turns'] = d
                    r['tags'] = r['tags'] + ['asr_errors']
                    break
    with open(path, 'w', encoding='utf-8') as f:
        for n, r in enumerate(recs, 1):
            obj = {'id': 'H6-%04d' % n,
                   'segments': [{'speaker': SPK[s], 'text': t} for s, t in r['turns']],
                   'labels': r['labels'], 'kind': r['kind'], 'tags': r['tags']}
            if r['kind'] != 'positive':
                obj['note'] = r['note']
            f.write(json.dumps(obj, ensure_ascii=False) + '\n')
    validate(path)


def validate(path):
    ids, lab, kinds, tagc = set(), {}, {}, {}
    n = unk = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            o = json.loads(line)
            n += 1
            assert o['id'] not in ids, o['id']
            ids.add(o['id'])
            assert set(o) >= {'id', 'segments', 'labels', 'kind', 'tags'}
            assert all(s['speaker'] in ('officer', 'civilian', 'unknown') and s['text'] for s in o['segments'])
            assert all(l in LABELS for l in o['labels'])
            assert (o['kind'] == 'positive') == bool(o['labels']), o
            assert o['kind'] == 'positive' or o['kind'] in NEG_KINDS
            if o['kind'] != 'positive':
                assert o.get('note'), o['id']
            for s in o['segments']:
                for b in BANNED:
                    assert b not in s['text'], (o['id'], b)
            if len(o['labels']) > 1:
                kinds['(two-label)'] = kinds.get('(two-label)', 0) + 1
            for l in o['labels']:
                lab[l] = lab.get(l, 0) + 1
            kinds[o['kind']] = kinds.get(o['kind'], 0) + 1
            for t in o['tags']:
                tagc[t] = tagc.get(t, 0) + 1
            if o['kind'] == 'positive' and any(s['speaker'] == 'unknown' for s in o['segments']):
                unk += 1
    print('records', n)
    print('labels', lab)
    print('kinds', kinds)
    print('tags', dict(sorted(tagc.items(), key=lambda x: -x[1])))
    print('positives with unknown speaker', unk)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/work/staging/heldout6.jsonl')
