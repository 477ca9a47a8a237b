"""Speech acts on the development corpus, and the scoping of negation, refusal, questions and
reported speech that makes them generalise (issue 14)."""

from __future__ import annotations

import pytest

from analyzers import corpus
from analyzers.frames import ACTS, Frames, acts_of, load_frames, resumed
from analyzers.lexicon import load_lexicon

DEV = corpus.load_split("dev1")
DEV2 = corpus.load_split("dev2")
DEV3 = corpus.load_split("dev3")


def _ids(e: corpus.Exchange) -> str:
    return e.id


def test_the_dev_corpus_is_large_and_balanced() -> None:
    for label in ACTS:
        assert sum(label in e.labels for e in DEV) >= 40, label
        assert sum(label in e.labels for e in DEV2) >= 80, label
    for label in ACTS:
        assert sum(label in e.labels for e in DEV3) >= 30, label
    for split, prefix in ((DEV, "D-"), (DEV2, "D2-"), (DEV3, "D3-")):
        positives = [e for e in split if e.labels]
        negatives = [e for e in split if not e.labels]
        assert len(negatives) >= (500 if split is DEV2 else len(positives))
        kinds = {e.kind for e in negatives}
        assert {
            "civilian_says",
            "officer_refuses",
            "negation",
            "lawful_notice",
            "question",
        } <= kinds
        assert {"reported_speech", "other"} <= kinds
        assert all(e.id.startswith(prefix) for e in split)
    every = [e.id for e in corpus.load_split("dev")]
    # rounds 4, 5, 6, 8, 9, 10 and 11 promoted the spent held-out sets to development data; the
    # held-out set that measures a round is kept outside the repository
    spent = [
        e
        for f in (
            "heldout",
            "heldout2",
            "heldout3",
            "heldout4",
            "heldout6",
            "heldout7",
            "heldout8",
            "heldout9",
            "heldout10",
        )
        for e in corpus.load_split(f)
    ]
    later = corpus.load_split("dev4")
    assert (
        len(set(every)) == len(every) == len(DEV) + len(DEV2) + len(DEV3) + len(spent) + len(later)
    )


@pytest.mark.parametrize("exchange", [e for e in DEV if e.labels], ids=_ids)
def test_every_positive_is_recognised(exchange: corpus.Exchange) -> None:
    assert corpus.predict(exchange) == exchange.labels


@pytest.mark.parametrize("exchange", [e for e in DEV if not e.labels], ids=_ids)
def test_no_hard_negative_is_flagged(exchange: corpus.Exchange) -> None:
    assert corpus.predict(exchange) == frozenset()


def test_dev2_is_recognised_with_precision_and_recall_floors() -> None:
    # dev2 trains the speech model, so this is no measure of generalisation (that is the cross-
    # validation of ``python -m analyzers.train_speech``): it guards the frames and the model
    # against regressions. Every label keeps P >= 0.95 and R >= 0.93 here.
    result = corpus.evaluate(DEV2)
    for label, s in result.labels.items():
        assert s.precision >= 0.95 and s.recall >= 0.93, (label, s)
    assert result.micro.precision >= 0.97 and result.micro.recall >= 0.97


def said(text: str, speaker: str = "officer") -> set[str]:
    return {a.act for a in acts_of(load_frames(), text, speaker)}


class TestNegationAndRefusal:
    @pytest.mark.parametrize(
        "text",
        [
            "这钱我不能收，你装好。",  # refusal verb before the money
            "钱你拿回去，单子该开还得开。",  # 收回去/拿回去 anywhere in the segment
            "微信转我？没这个规矩。",  # a question and a refusal
            "红包就别发了，去银行交。",
        ],
    )
    def test_an_officer_refusing_money_asks_for_none(self, text: str) -> None:
        assert "cash_no_receipt" not in said(text)

    def test_the_negation_is_bound_to_its_clause(self) -> None:
        # 不 in the first clause does not reach the demand in the second
        assert "cash_no_receipt" in said("罚单我不开了，你拿三百来。")

    def test_a_condition_with_not_is_not_a_denial(self) -> None:
        assert "quota" in said("一周不开够五十张，回去要挨批。")
        assert "threat" in said("不把视频删了，你别想走。")

    @pytest.mark.parametrize(
        "text", ["指标这东西早就取消了。", "我们这儿哪有什么罚款任务。", "没有人给我们定开单数。"]
    )
    def test_a_denial_that_quotas_exist_is_not_quota_talk(self, text: str) -> None:
        assert "quota" not in said(text)

    def test_a_negated_lawful_channel_does_not_make_a_demand_lawful(self) -> None:
        assert "cash_no_receipt" in said("别去银行了，二百块给我就行。")


class TestQuestionsAndReportedSpeech:
    @pytest.mark.parametrize(
        "text",
        [
            "你是说我跟你要钱？",
            "有人说我们一天要开三十张，那是瞎传。",
            "他说他给我转了两百，根本没有的事。",
        ],
    )
    def test_reported_speech_is_not_the_speakers_act(self, text: str) -> None:
        assert said(text) & {"cash_no_receipt", "quota"} == set()

    def test_a_real_question_asks_but_a_rhetorical_one_threatens(self) -> None:
        assert "quota" not in said("你们是不是每天都有开单任务要完成？")
        assert "threat" in said("跟我横？信不信我扣你的车。")
        assert "threat" not in said("你想让我把车扣了吗？")

    def test_an_insult_as_a_question_is_still_an_insult(self) -> None:
        assert "verbal_abuse" in said("你是猪吗？")


class TestWhoAndWhat:
    def test_an_offer_by_the_civilian_is_no_demand(self) -> None:
        assert "cash_no_receipt" not in said("我给你二百，你别开了。", "civilian")
        assert "cash_no_receipt" not in said("我转你两百行不行？", "officer")

    def test_a_personal_transfer_is_believed_whatever_the_label(self) -> None:
        assert "cash_no_receipt" in said("转我微信，两百。", "civilian")

    def test_a_lawful_notice_of_a_measure_is_not_a_threat(self) -> None:
        assert "threat" not in said("你再拒不配合，我们将依法对车辆予以扣留。")
        assert "threat" in said("你再拍，我把你车扣了。")

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            ("交巡警三大队，请靠边。", "identification"),
            ("我是这片的片警。", "identification"),
            ("对处罚结果不满意可以去复议。", "rights_notice"),
            ("你对这个有异议，可以提出来。", "rights_notice"),
        ],
    )
    def test_procedure_in_other_words(self, text: str, act: str) -> None:
        assert act in said(text)

    @pytest.mark.parametrize(
        "text", ["你是哪个中队的？", "去交警大队处理。", "申辩也没用。", "别跟我扯复议。"]
    )
    def test_no_procedure_in_questions_errands_or_refusals(self, text: str) -> None:
        assert said(text) & {"identification", "rights_notice"} == set()

    def test_asr_homophones_still_match(self) -> None:
        assert "quota" in said("这个月的之标还没完成。")
        assert "rights_notice" in said("你可以申请复意。")


def test_acts_carry_their_meaning_and_clause() -> None:
    (act,) = [
        a
        for a in load_frames().acts("你看着办，两百块给我，单子不开了。")
        if a.meaning == "索要钱款"
    ]
    assert act.act == "cash_no_receipt" and act.clause == "两百块给我"


class TestBeyondTheListedPhrasings:
    """Wordings of dev2's kind: euphemisms, indirect threats, insults without swear words."""

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            ("懂不懂规矩？表示表示，票就免了。", "cash_no_receipt"),
            ("辛苦费给个二百，分不扣了。", "cash_no_receipt"),
            ("扫我个人这个码，一百，不走系统。", "cash_no_receipt"),
            ("罚单开得少，奖金就没了。", "quota"),
            ("你算哪根葱，跟我讲道理？", "verbal_abuse"),
            ("乡巴佬，进城不会开车就别开。", "verbal_abuse"),
            ("走着瞧，我记住你车牌了。", "threat"),
            ("你孩子在哪个学校上学我都知道。", "threat"),
            ("敢拍我，我把你手机砸了。", "threat"),
        ],
    )
    def test_acts_in_words_no_frame_lists_verbatim(self, text: str, act: str) -> None:
        assert act in said(text)

    @pytest.mark.parametrize(
        "text",
        [
            "你在这等着，我去车里拿执法仪。",
            "晚上开车注意点，这段路黑，没路灯。",
            "你这收款码贴在车上干嘛，拿下来，挡视线。",
            "群众反映说有辅警私下收钱，我们正在核实。",
            "今天的任务是保障马拉松，道路封闭。",
            "我不会报复你，你投诉是你的权利。",
        ],
    )
    def test_ordinary_words_stay_ordinary(self, text: str) -> None:
        assert said(text) & {"cash_no_receipt", "quota", "verbal_abuse", "threat"} == set()

    def test_the_model_does_not_speak_for_the_civilian_or_in_reported_speech(self) -> None:
        assert said("你算哪根葱，凭什么拦我？", "civilian") == set()
        assert "verbal_abuse" not in said("他说我骂他是乡巴佬，录像都在。")

    def test_the_model_round_trips_and_scores_features(self) -> None:
        from analyzers.speech_model import SpeechModel, features, load_model

        model = load_model()
        assert model is not None
        again = SpeechModel.from_json(model.to_json())
        assert again.heard("走着瞧，我记住你车牌了。") == model.heard("走着瞧，我记住你车牌了。")
        # homophones share their pinyin n-grams: 交井 sounds like 交警
        assert "p:jiao_jing" in features("交井大队的") & features("交警大队的")


class TestModelAndFramesCombined:
    """Round 5: how the model joins the frames, on a hand-made model whose weights are known."""

    @staticmethod
    def _frames(weights: dict[str, float], veto: float = 0.0) -> Frames:
        from analyzers.speech_model import SpeechModel

        acts = ACTS
        k = acts.index("cash_no_receipt")
        model = SpeechModel(
            acts,
            tuple(-8.0 for _ in acts),  # nothing is likely unless a listed n-gram is in the text
            {f: tuple(w if i == k else 0.0 for i in range(len(acts))) for f, w in weights.items()},
            {a: 0.6 for a in acts},
            {"cash_no_receipt": veto} if veto else {},
        )
        return Frames.load(None, None, model)

    def test_a_frame_act_the_model_finds_very_unlikely_is_vetoed(self) -> None:
        text = "三百块给我，罚单就不开了。"
        assert "cash_no_receipt" in {a.act for a in self._frames({}).acts(text)}
        vetoed = self._frames({}, veto=0.05)
        assert "cash_no_receipt" not in {a.act for a in vetoed.acts(text)}
        # the same frame hit stands when the model finds it likely enough
        kept = self._frames({"给我": 6.0}, veto=0.05)
        assert "cash_no_receipt" in {a.act for a in kept.acts(text)}

    def test_a_confident_model_act_is_not_blocked_by_a_negator_in_its_clause(self) -> None:
        text = "这回系统里不录"  # no frame: the act is the model's alone
        doubtful = self._frames({"系统": 8.8})  # p ≈ 0.69: above the threshold, not confident
        confident = self._frames({"系统": 12.0})  # p ≈ 0.98
        assert "cash_no_receipt" not in {a.act for a in doubtful.acts(text)}
        assert "cash_no_receipt" in {a.act for a in confident.acts(text)}

    def test_another_model_on_the_same_frames_reads_once_and_judges_anew(self) -> None:
        text = "三百块给我，罚单就不开了。"
        base = self._frames({})
        vetoed = base.with_model(self._frames({}, veto=0.05).model)
        assert "cash_no_receipt" in {a.act for a in base.acts(text)}
        assert "cash_no_receipt" not in {a.act for a in vetoed.acts(text)}
        assert vetoed._rules is base._rules and text in base._rules  # one reading, shared
        assert "cash_no_receipt" in {a.act for a in base.acts(text)}  # its own acts unchanged


def test_a_frame_naming_an_unknown_concept_is_refused() -> None:
    with pytest.raises(ValueError, match="NOPE"):
        Frames({"concept": {}, "frame": [{"act": "quota", "meaning": "x", "all": ["NOPE"]}]})


def test_dev3_is_recognised_with_precision_and_recall_floors() -> None:
    # dev3 trains the model too: a regression guard, not a measure (heldout2 is the measure)
    result = corpus.evaluate(DEV3)
    assert result.micro.precision >= 0.95 and result.micro.recall >= 0.95


class TestActStructure:
    """The generalisations of the third round, each shown on dev3 wording and a hard negative."""

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            ("我这还差七张罚单呢。", "quota"),  # 呢 after no question word states, it does not ask
            ("你正好赶上我冲数呢。", "quota"),
            ("罚的多奖金就多，罚的少就没奖金。", "quota"),  # volume tied to pay
            ("一周没开够四十张，周末就别想休。", "quota"),  # 没开够 is a condition
            ("俺不给你开罚单 恁拿200来", "cash_no_receipt"),  # an amount in digits
            ("交现金吧，我这边不开收据。", "cash_no_receipt"),  # the receipt waived
            ("钱放后座上，我去拿，你别吭声。", "cash_no_receipt"),  # secrecy is an evasion
            ("跟我作对没好果子吃。", "threat"),  # 没 inside an idiom of harm negates nothing
            ("你再犟，我就让你家里人也不好过。", "threat"),
            ("决定书上写着复议和诉讼的途径。", "rights_notice"),
            ("你觉得冤枉，可以申辩。", "rights_notice"),
            ("下三滥，少来这一套。", "verbal_abuse"),
        ],
    )
    def test_acts(self, text: str, act: str) -> None:
        assert act in said(text)

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            ("俺不是交警，俺是协管员。", "identification"),  # strict: the unit is denied
            ("有人在网上骂交警，我们也不计较。", "identification"),
            ("事故你们两个自己协商，赔多少钱你们定，私了可以。", "cash_no_receipt"),
            ("局里给我们下了罚款任务，一个季度五十万。", "cash_no_receipt"),
            ("他叫你老东西？你别跟他计较。", "verbal_abuse"),  # reported
            ("哪个混蛋撞的你？车牌记住了没有？", "verbal_abuse"),  # a third party
            ("把车往前滚一滚，空出车道。", "verbal_abuse"),
            ("开单数跟我们工资没有关系。", "quota"),
            ("你刚才的陈述我们记录了。", "rights_notice"),
            ("我们不扣你手机，也不删你视频。", "threat"),
            ("你的钱是不是掉了？你数数呢。", "cash_no_receipt"),
        ],
    )
    def test_hard_negatives(self, text: str, act: str) -> None:
        assert act not in said(text)


class TestRound4Structure:
    """Round 4's generalisations, each on development wording (dev2 and the promoted heldout1–2;
    never heldout3) with a hard negative of the same shape."""

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            # a causer plus a harm, and deprivation (别想…) under a condition
            ("跟我装，我让你驾照扣到零分。", "threat"),
            ("恁去告，告完了往后恁这车在俺们县里别想上路。", "threat"),
            # knowing the family, the home or the work is the threat
            ("你媳妇在哪上班我都能查到，你自己想好了。", "threat"),
            ("你孩子在实验小学上学对吧？我可都知道。", "threat"),
            # comparison with a pejorative, and pejorative morphemes after an address
            ("一身的臭毛病 跟个流氓似的", "verbal_abuse"),
            ("你们这些外地佬，到哪都乱停。", "verbal_abuse"),
            ("猪都比你会开车。", "verbal_abuse"),
            # a task or goal with a count; a ranking
            ("我们大队今天的目标是两百个罚单。", "quota"),
            ("我们这周开单排第八，得往前赶。", "quota"),
            # a bare amount said with 现金
            ("我给你个方便，你也给我个方便，八百块，现金。", "cash_no_receipt"),
            # an invitation to state with listening, in other words than 陈述申辩
            ("恁有啥意见可以说，俺听着，这是恁的权利。", "rights_notice"),
            ("你要觉得我们认定有问题，你可以说，我都记进笔录里。", "rights_notice"),
        ],
    )
    def test_acts(self, text: str, act: str) -> None:
        assert act in said(text)

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            ("我们中队今天20个人上岗 分了五个路口", "quota"),  # people and crossings, no tickets
            ("你要再闹，我让你这车三个月提不出来。", "quota"),  # 三个月 is time
            ("这个月全市处理酒驾一百二十起，比去年少了。", "quota"),  # statistics
            ("我们现在考核不考罚款数，考的是群众满意度。", "quota"),
            ("抓拍照片删不了，也不能删。你按程序处理。", "cash_no_receipt"),
            ("不能 现在所有处罚都进系统 收不了现金", "cash_no_receipt"),
            ("违法停车罚款一百五，不记分，电子票据发你手机上。", "cash_no_receipt"),
            ("收钱放人这种事，在我这儿没门。", "cash_no_receipt"),
            ("你有没有看见刚才撞你的那辆车？", "threat"),  # 有没有 asks a fact
            ("我要是扣你的车 会给你开凭 你别担心", "threat"),
            ("有，这是我的人民警察证，你看，照片、警号都在上面。", "threat"),
            ("轮胎磨成这样了，跟个光头似的，得换了。", "verbal_abuse"),
            ("我不是交警，我是路政的，这个归交警管。", "identification"),
        ],
    )
    def test_hard_negatives(self, text: str, act: str) -> None:
        assert act not in said(text)


class TestRound6Structure:
    """Round 6's generalisations (kinds of wording read in heldout4's misses once it was promoted
    to development data; the sentences here are new), each with a hard negative of its shape."""

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            # where kin study or the civilian works, then "think it over": the harm left unsaid
            # (你闺女在二中念书吧，你自己考虑考虑: see test_a_veiled_threat_the_model_vetoes)
            ("我知道你在哪个公司，你自己掂量。", "threat"),
            # going to the civilian's employer
            ("再跟我犟，我明天就找你单位领导去。", "threat"),
            # a count per week, per quarter, per half month
            ("每个星期得开十五张，不然挨批。", "quota"),
            ("这个季度要八十张，我才开了一半。", "quota"),
            # regional pejoratives after an address
            ("你个山炮，看不见红灯啊。", "verbal_abuse"),
        ],
    )
    def test_acts(self, text: str, act: str) -> None:
        assert act in said(text)

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            # a quotation is a mention: rules taught, a clip explained
            ("队里开会讲了，谁再说“信不信我扣你车”就处分谁。", "threat"),
            ("网上那段“给钱就放你走”，不是我们的人说的。", "cash_no_receipt"),
            ("教官说过，'你个笨蛋'这种话一句都不能讲。", "verbal_abuse"),
            # refusing to touch money that skips the ticket
            ("私下给的钱我一分不拿，去银行交。", "cash_no_receipt"),
            ("不走程序的钱我不碰，你别往我这塞。", "cash_no_receipt"),
        ],
    )
    def test_hard_negatives(self, text: str, act: str) -> None:
        assert act not in said(text)

    def test_a_veiled_threat_the_model_vetoes(self) -> None:
        # the frame finds it; round 9's shipped model (trained with heldout8) puts it at p 0.083,
        # under threat's 0.1 veto, so the production combination misses it (README, round 9)
        rules = Frames.load(None, load_lexicon())
        assert "threat" in {a.act for a in rules.acts("你闺女在二中念书吧，你自己考虑考虑。")}

    def test_kin_and_think_it_over_without_where_is_advice_to_the_frames(self) -> None:
        # the frame needs where the kin are (上学, 住哪); the model alone still hears a threat
        # here (p 0.62: heldout4 says 你儿子…上学吗，你自己想清楚 seven times) — README, round 6
        rules = Frames.load(None, load_lexicon())
        advice = "你儿子还小，喝了酒就别开车了，你自己想清楚。"
        assert "threat" not in {a.act for a in rules.acts(advice)}
        assert "threat" in {a.act for a in rules.acts("你儿子在实验小学上学，你自己想清楚。")}


class TestRound8Structure:
    """Round 8's generalisations (kinds of wording read in the misses of heldout6's and
    heldout7's leave-one-corpus-out folds; the sentences here are new), with hard negatives."""

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            # a pejorative said alone as the address, before an order
            ("憨包，把车挪开！", "verbal_abuse"),
            ("我跟你讲，瓜怂，下来。", "verbal_abuse"),
            # sarcastic address and regional pejoratives
            ("闯红灯还挺快，你可真是个大聪明。", "verbal_abuse"),
            ("你个夯货，站好了。", "verbal_abuse"),
            ("这么大人了，活到狗身上去了？", "verbal_abuse"),
            # the statement written down is a partial notice; two ways to go to law
            ("你的申辩写在这张纸上，我们附卷。", "rights_notice"),
            ("不认这个处罚，复议、打官司两条路你选。", "rights_notice"),
        ],
    )
    def test_acts(self, text: str, act: str) -> None:
        assert act in said(text)

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            # endearment to a child, a pet, banter about a colleague, motion likened to an animal
            ("小朋友，慢点走，你这个小调皮鬼，鞋带开了。", "verbal_abuse"),
            ("我们队里那个老李，跟个猴子似的，一天跑八个路口。", "verbal_abuse"),
            ("你家这狗真乖，啥品种？", "verbal_abuse"),
            ("那孩子跟个兔子似的窜过去了，吓人。", "verbal_abuse"),
            # kin named, a thing called 那玩意, a third party's insult reported, Sichuan 啥子
            ("路上慢点，别让你妈担心。", "verbal_abuse"),
            ("罚款指标？没有那玩意儿。", "verbal_abuse"),
            ("他刚才骂你了是吧，我记下了。", "verbal_abuse"),
            ("莫得啥子事，签个字就走。", "verbal_abuse"),
            # a complaint channel about the officer's manner is no rights notice
            ("对我们态度不满意，可以打12345反映。", "rights_notice"),
        ],
    )
    def test_hard_negatives(self, text: str, act: str) -> None:
        assert act not in said(text)


def test_the_veto_spares_a_civilians_own_words_but_judges_a_role_act() -> None:
    """The model learnt officers' turns only: its veto does not strike a civilian's insult (good
    practice needs it), while an act believed from any label (role) is judged as the officer's."""
    from analyzers.speech_model import SpeechModel

    model = SpeechModel(ACTS, tuple(-8.0 for _ in ACTS), {}, {a: 0.6 for a in ACTS},
                        {a: 0.1 for a in ACTS})  # fmt: skip
    fr = Frames.load(None, load_lexicon(), model)
    insult = "你们就知道罚钱，一群混蛋！"
    assert "verbal_abuse" in {a.act for a in fr.acts(insult, "civilian")}
    assert "verbal_abuse" not in {a.act for a in fr.acts(insult, "officer")}
    transfer = "扫我这个二维码，转两百就行。"  # a personal transfer: role strength
    assert "cash_no_receipt" in {a.act for a in acts_of(Frames.load(None, load_lexicon()),
                                                        transfer, "civilian")}  # fmt: skip
    assert "cash_no_receipt" not in {a.act for a in acts_of(fr, transfer, "civilian")}


class TestRound9Structure:
    """Round 9's generalisations (kinds of wording read in heldout8's misses and those of the
    other folds but dev4; the sentences here are new), with hard negatives."""

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            # 二百五 as the recogniser writes it, said to the civilian
            ("你这种二百5还开什么车，下来。", "verbal_abuse"),
            ("就你个200五，站好。", "verbal_abuse"),
            ("你这个二五仔，给我站住。", "verbal_abuse"),
            # a tag question run on to a statement without a comma
            ("这是我的执法证编号三三八一二市交警二大队的知道吗", "identification"),
            # held on the spot; a hard word announced before the harm
            ("你敢再拍，我就让你人和车都留在这儿。", "threat"),
            ("我把话撂这儿，今天你就别想开走。", "threat"),
            # a ticket not worth writing for a tip; Cantonese 蚊 and 唔使开
            ("你看着给点，这罚单我也懒得写了。", "cash_no_receipt"),
            ("一百蚊，收据就唔使开啦。", "cash_no_receipt"),
        ],
    )
    def test_acts(self, text: str, act: str) -> None:
        assert act in said(text)

    @pytest.mark.parametrize(
        ("text", "act"),
        [
            # amounts are no 二百五
            ("罚款二百五十元，十五日内到银行交。", "verbal_abuse"),
            ("罚你250块，记3分。", "verbal_abuse"),
            # counting people or things aloud is no quota
            ("核载七人，我数着坐了十一个人。", "quota"),
            ("一共十二个箱子，我点了点，都超宽了。", "quota"),
            ("这车能坐五个，我数了一下，后排挤了六个娃。", "quota"),
            # coaching a colleague on the notice, training on what must not be said
            ("小刘，告知的时候要讲全，陈述申辩都要讲到。", "rights_notice"),
            ("培训讲了，执法不能说给钱就放你走这种话。", "cash_no_receipt"),
            # time, not money: 之前给我 sounds like 钱给我
            ("下班之前给我把这几张单子录完。", "cash_no_receipt"),
            # the ticket is written: 开完单就走 is no evasion
            ("不扣你车，只罚款记分，开完单你就走。", "cash_no_receipt"),
        ],
    )
    def test_hard_negatives(self, text: str, act: str) -> None:
        assert act not in said(text)

    def test_a_civilians_own_red_packet_is_an_offer(self) -> None:
        assert "cash_no_receipt" not in said("警官，我发个红包俾你，当饮茶啦。", "civilian")


def framed(text: str, speaker: str = "officer") -> set[str]:
    """The frames' and the lexicon's acts without the model (its veto is a separate question)."""
    return {a.act for a in acts_of(Frames.load(None, load_lexicon()), text, speaker)}


class TestRound10Structure:
    """Round 10's generalisations (kinds of wording read in the misses of heldout9, now a
    development fold, and of the other folds but dev4; the sentences here are new)."""

    @pytest.mark.parametrize(
        ("text", "acts"),
        [
            # a demand and a threat in one conditional: both acts; a bare number handed over
            ("五十拿出来，不拿我叫你们单位开除你。", {"cash_no_receipt", "threat"}),
            # harm hinted at the car or the road, with a warning
            ("夜里路黑，你这车要是少个零件，别怪我没提醒。", {"threat"}),
            ("年轻人，别把路走绝了。", {"threat"}),
            ("再跑一步，腿给你打折。", {"threat"}),
            # sarcastic praise and pejorative address
            ("哟，车神啊，红灯都敢闯。", {"verbal_abuse"}),
            ("你这条懒狗，站好。", {"verbal_abuse"}),
            ("衰仔，车停好。", {"verbal_abuse"}),
            # dialect money talk; 整那没用的 is an idiom, no negation
            ("三百块转拨我，好伐？", {"cash_no_receipt"}),
            ("整那没用的干啥，两百拍这儿，分就不扣了。", {"cash_no_receipt"}),
            ("八百块，不进系统，你走你的。", {"cash_no_receipt"}),
            ("票就别要了，要票罚八百，不要票三百。", {"cash_no_receipt"}),
            # the kin's school named, then 好好想想
            ("你闺女在实验小学吧？你好好想想。", {"threat"}),
            # 给脸不要脸 said of the driver is still abuse
            ("你这人就是给脸不要脸。", {"verbal_abuse"}),
        ],
    )
    def test_acts(self, text: str, acts: set[str]) -> None:
        assert acts <= framed(text)

    @pytest.mark.parametrize(
        ("text", "act", "speaker"),
        [
            # a civilian's own offer of money is his, not the officer's act
            ("我支付宝转你三百，您高抬贵手。", "cash_no_receipt", "civilian"),
            ("我微信转你两百，通融一下。", "cash_no_receipt", "civilian"),
            # an insult aimed at no one present
            ("我不是在说你，我说的是那头驴，跟头犟驴一样不走。", "verbal_abuse", "officer"),
            ("这破打印机跟个猪一样慢。", "verbal_abuse", "officer"),
            # denying being traffic police is no identification
            ("我不是交警，我是路政的，超限的事归我们管。", "identification", "officer"),
            # safety advice is no veiled threat
            ("天黑路滑，注意安全，出点事家里人着急。", "threat", "officer"),
            ("车停树下容易刮花，挪一挪。", "threat", "officer"),
            # tickets handed over are no money; 冇得 denies a quota
            ("把那十二张单子拿过来我签。", "cash_no_receipt", "officer"),
            ("冇得指标，罚好多单都冇得奖金。", "quota", "officer"),
            # an insult taken back, and 闭嘴 as the price of a threat
            ("你不是笨蛋，我也没这么说你，别多想。", "verbal_abuse", "officer"),
            ("还想不想在这条街摆摊了？想摆就闭嘴。", "verbal_abuse", "officer"),
            # 别给脸不要脸 warns (most authors label the threat after it, not an insult)
            ("别给脸不要脸，再闹我把你车扣了。", "verbal_abuse", "officer"),
            # a rumour refuted, a sports ranking: no quota
            ("网上传我们每人每天要开三十张单，大队已经辟谣了。", "quota", "officer"),
            ("我们足球队这个月排名倒数，下周还得踢。", "quota", "officer"),
            # a unit's phone number is no self-identification; erasing a record is no harm
            ("城北交警中队的电话是一二一二二，有事打这个。", "identification", "officer"),
            ("别急，记录我帮你消了，下次注意。", "threat", "officer"),
        ],
    )
    def test_hard_negatives(self, text: str, act: str, speaker: str) -> None:
        assert act not in said(text, speaker)
        assert act not in framed(text, speaker)


class TestRound11Structure:
    """Round 11's generalisations (kinds of wording read in the misses of heldout10, now a
    development fold, and of the other folds but dev4; the sentences here are new)."""

    @pytest.mark.parametrize(
        ("text", "acts"),
        [
            # a QR code to scan, the bank dismissed as more trouble, and no record
            ("我这边有个收款码，扫三百过来，比跑银行省事，就不登记了。", {"cash_no_receipt"}),
            # a third party's future (a child's exam or job) at stake, the harm left unsaid
            ("你家孙子在二中读书吧？事情闹大了对他可没好处。", {"threat"}),
            ("你跑网约车的吧？我一个电话，你这账号就得封。", {"threat"}),
            # harm to the car hinted at, with 不好说 as the warning
            ("这条路上车多，你这车哪天出点事，可不好说。", {"threat"}),
            # kneel or apologise, or else
            ("给我跪下赔不是，不然今天跟你没完。", {"threat"}),
            # 你说你， as an opener is not reported speech; an auxiliary officer identifies himself
            ("你说你，我是高速交警支队的民警，先把车熄火。", {"identification"}),
            ("我是这个路口的协警，车靠边停好。", {"identification"}),
            # harm through a platform or a record; a red packet kept out of the system
            ("你再闹，我让平台把你拉黑。", {"threat"}),
            ("你敢投诉，我就在你档案里记一笔。", {"threat"}),
            ("红包两千图个吉利，不往系统里录了。", {"cash_no_receipt"}),
        ],
    )
    def test_acts(self, text: str, acts: set[str]) -> None:
        assert acts <= framed(text)

    @pytest.mark.parametrize(
        ("text", "act", "speaker"),
        [
            # abuse aimed at a machine, an animal, the weather or oneself is no insult of anyone
            ("这破对讲机又没信号了，真是废物。", "verbal_abuse", "officer"),
            ("那头牛又跑到路上了，犟得跟驴一样。", "verbal_abuse", "officer"),
            ("我这脑子，又把记录仪落车里了，真是老糊涂。", "verbal_abuse", "officer"),
            ("你这个渣土车是谁的？", "verbal_abuse", "officer"),
            # a civilian's WeChat offer is his, and a curt refusal takes no money
            ("我给你微信转五百，你高抬贵手。", "cash_no_receipt", "civilian"),
            ("揣好你的钱，给多少也不好使。", "cash_no_receipt", "officer"),
            ("我塞给你两百，这事算了吧。", "cash_no_receipt", "civilian"),
            ("这钱我不敢收，你别害我。", "cash_no_receipt", "officer"),
            ("揣好你的钱，给多少也不好使。", "verbal_abuse", "officer"),
            # 你说你 + a claim is still reported speech
            ("你说你是交警？那你的证件呢。", "identification", "officer"),
            # another department says so
            ("我是城管的，不归交警管，你这摊位占道了。", "identification", "officer"),
        ],
    )
    def test_hard_negatives(self, text: str, act: str, speaker: str) -> None:
        assert act not in framed(text, speaker)


def _exchange(*turns: tuple[str, str]) -> corpus.Exchange:
    return corpus.Exchange("T", tuple(corpus.Turn(s, t) for s, t in turns), frozenset(), "positive")


class TestResumedUtterance:
    """Round 10: an officer's utterance cut off by the civilian and taken up again is one."""

    def test_an_act_split_by_an_interruption_is_found(self) -> None:
        e = _exchange(
            ("officer", "三百块现的——"),
            ("civilian", "我——"),
            ("officer", "——分就不扣了。"),
        )
        rules = Frames.load(None, load_lexicon())
        assert "cash_no_receipt" in corpus.predict(e, rules)
        for t in (e.turns[0], e.turns[2]):  # neither turn alone is the act
            assert "cash_no_receipt" not in framed(t.text)

    def test_only_a_cut_off_turn_taken_up_by_the_same_side_is_joined(self) -> None:
        assert resumed([("officer", "罚款三百——"), ("civilian", "——分就不扣了？")]) == []
        assert resumed([("officer", "罚款三百。"), ("officer", "——分照扣。")]) == []
        assert resumed(
            [("officer", "罚款三百——"), ("civilian", "啊"), ("officer", "——扣三分")]
        ) == [(0, 2, "officer", "罚款三百，扣三分")]

    def test_turns_not_cut_off_are_not_joined(self) -> None:
        e = _exchange(
            ("officer", "罚款三百，去银行交。"),
            ("civilian", "我——"),
            ("officer", "你走吧。"),
        )
        assert "cash_no_receipt" not in corpus.predict(e)
