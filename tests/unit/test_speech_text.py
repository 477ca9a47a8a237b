"""Speech text: normalisation (numbers, Simplified, punctuation), domain correction and scoring."""

from __future__ import annotations

import pytest

from streams.speech.evaluation import Attribution, attribution, char_errors
from streams.speech.textnorm import cardinal, normalize_for_scoring, normalize_transcript
from streams.speech.vocabulary import Correction, Vocabulary, load_vocabulary

# --- textnorm ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "spoken"),
    [
        (0, "零"),
        (10, "十"),
        (15, "十五"),
        (20, "二十"),  # 二十, not 两十
        (105, "一百零五"),
        (200, "两百"),
        (1005, "一千零五"),
        (1010, "一千零一十"),
        (1500, "一千五百"),
        (2000, "两千"),
        (2200, "两千二百"),
        (10_000, "一万"),
        (20_000, "两万"),
        (100_000, "十万"),
        (100_005, "十万零五"),
        (110_000, "十一万"),
        (1_000_000, "一百万"),
        (100_000_000, "一亿"),
    ],
)
def test_cardinal_reads_numbers_as_they_are_said(n, spoken):
    assert cardinal(n) == spoken


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("转我100", "转我一百"),
        ("罚款200元", "罚款两百元"),
        ("15日内缴纳", "十五日内缴纳"),
        ("罚款1005元", "罚款一千零五元"),
        ("扣3分", "扣三分"),  # a lone digit between Hanzi is a number, not debris
        ("３.５米", "三点五米"),  # full-width digits, decimal part read digit by digit
        ("1.05", "一点零五"),
    ],
)
def test_numbers_in_text_are_written_as_said(raw, stored):
    assert normalize_transcript(raw) == stored


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("下载交管12123", "下载交管一二一二三"),
        ("12345", "一二三四五"),
        ("0531", "零五三一"),  # a leading zero makes it a code too
    ],
)
def test_codes_are_read_digit_by_digit(raw, stored):
    assert normalize_transcript(raw) == stored


def test_a_five_digit_amount_of_money_is_a_cardinal():
    assert normalize_transcript("罚款10000元") == "罚款一万元"


def test_traditional_becomes_simplified():
    assert normalize_transcript("請出示駕駛證") == "请出示驾驶证"
    assert normalize_transcript("這輛車的記錄儀") == "这辆车的记录仪"


def test_half_width_punctuation_becomes_chinese_and_runs_collapse():
    assert normalize_transcript("你好,请出示驾驶证.") == "你好，请出示驾驶证。"
    assert normalize_transcript("凭什么?!") == "凭什么？"
    assert normalize_transcript("好的!!!") == "好的！"
    assert normalize_transcript("扣分;罚款:两百") == "扣分；罚款：两百"


def test_spaces_go_and_leading_punctuation_is_stripped_in_chinese_text():
    assert normalize_transcript(" 请 出示 驾驶证 ") == "请出示驾驶证"
    assert normalize_transcript(",。好的") == "好的"


def test_text_without_hanzi_keeps_its_punctuation():
    assert normalize_transcript("hello, world.") == "hello, world."


@pytest.mark.parametrize("raw", ["请出Ｇ示证件", "请出ｇ示证件", "请出２示证件"])
def test_a_stray_full_width_letter_between_hanzi_is_removed(raw):
    assert normalize_transcript(raw) == "请出示证件"


def test_latin_next_to_digits_or_at_the_edge_stays():
    assert normalize_transcript("鲁R12345") == "鲁R一二三四五"
    assert normalize_transcript("OK") == "OK"


def test_a_plate_prefix_between_hanzi_is_kept():
    assert normalize_transcript("外地车还是鲁R的车") == "外地车还是鲁R的车"
    assert normalize_transcript("你是B照吗") == "你是B照吗"


def test_normalize_for_scoring_keeps_only_letters_and_digits_of_the_normal_form():
    assert normalize_for_scoring("你好,請出示駕駛證。罚款200元!") == "你好请出示驾驶证罚款两百元"
    assert normalize_for_scoring("hello, world.") == "helloworld"
    assert normalize_for_scoring("，。！") == ""


# --- vocabulary ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary()


@pytest.mark.parametrize(
    ("heard", "fixed", "correction"),
    [
        ("你有权陈述身边", "你有权陈述申辩", Correction(3, "陈述身边", "陈述申辩")),
        ("可以去银行角纳罚款", "可以去银行缴纳罚款", Correction(2, "去银行角纳", "去银行缴纳")),
        ("对处罚不服可以申请复营", "对处罚不服可以申请复议", Correction(7, "申请复营", "申请复议")),
        ("如果有意义你可以申诉", "如果有异议你可以申诉", Correction(0, "如果有意义", "如果有异议")),
        ("请出事驾驶证", "请出示驾驶证", Correction(1, "出事驾驶证", "出示驾驶证")),
        ("他闯洪灯了", "他闯红灯了", Correction(1, "闯洪灯", "闯红灯")),
    ],
)
def test_misheard_domain_terms_are_rewritten(vocab, heard, fixed, correction):
    assert vocab.correct(heard) == (fixed, [correction])


def test_a_shorter_term_corrects_when_the_longer_does_not_fit(vocab):
    assert vocab.correct("银行角纳") == ("银行缴纳", [Correction(0, "银行角纳", "银行缴纳")])


@pytest.mark.parametrize(
    "text",
    [
        "身边",  # two-character homophones are never corrected
        "你身边有人吗",
        "这有什么意义",  # 有 and 意义 are not adjacent
        "我有意见",
        "陈述申辩",  # already right
        "请出示驾驶证，可以去银行缴纳罚款",
        "hello",
    ],
)
def test_ordinary_words_and_correct_terms_are_left_alone(vocab, text):
    assert vocab.correct(text) == (text, [])


def test_meaningful_in_its_ordinary_sense_is_left_alone(vocab):
    assert vocab.correct("这次学习很有意义") == ("这次学习很有意义", [])


def test_asking_for_a_copy_is_not_asking_for_review(vocab):
    assert vocab.correct("我要申请复印一份") == ("我要申请复印一份", [])


def test_every_packaged_term_leaves_itself_unchanged(vocab):
    for term in vocab.terms:
        assert vocab.correct(term) == (term, []), term


def test_corrections_do_not_overlap_and_positions_point_at_the_text(vocab):
    text = "你有权陈述身边，也可以申请复营"
    fixed, corrections = vocab.correct(text)
    assert fixed == "你有权陈述申辩，也可以申请复议"
    assert [c.heard for c in corrections] == ["陈述身边", "申请复营"]
    for c in corrections:
        assert text[c.start : c.start + len(c.heard)] == c.heard
        assert fixed[c.start : c.start + len(c.term)] == c.term


def test_packaged_vocabulary_has_a_prompt():
    vocab = Vocabulary.load()
    assert "陈述申辩" in vocab.prompt
    assert "陈述申辩" in vocab.terms


def test_the_act_words_join_the_prompt_only_when_asked():
    vocab = Vocabulary(prompt="交警执法录音。", terms=[], acts="也可能听到：现金、私了。")
    assert vocab.decoder_prompt() == "交警执法录音。"
    assert vocab.decoder_prompt(with_acts=True) == "交警执法录音。也可能听到：现金、私了。"
    assert Vocabulary(prompt="录音。", terms=[]).decoder_prompt(with_acts=True) == "录音。"


def test_packaged_act_words_name_every_act_category_and_stay_short():
    acts = Vocabulary.load().acts
    for word in ("现金", "不开票", "指标", "蠢货", "信不信"):  # cash, quota, abuse, threat
        assert word in acts
    # Whisper's prompt holds at most 223 tokens, and a Hanzi is one to three of them.
    assert len(Vocabulary.load().decoder_prompt(with_acts=True)) <= 200


def test_custom_vocabulary_from_toml(tmp_path):
    path = tmp_path / "v.toml"
    path.write_text(
        'prompt = " 交警执法录音 "\n'
        "[terms]\n"
        'a = ["陈述申辩", "罚款", "  "]\n'
        'b = ["ABC规定", "暂扣驾驶证"]\n',
        encoding="utf-8",
    )
    vocab = Vocabulary.load(path)
    assert vocab.prompt == "交警执法录音"
    assert vocab.terms == ["陈述申辩", "罚款", "ABC规定", "暂扣驾驶证"]
    assert vocab.correct("陈述身边")[0] == "陈述申辩"
    assert vocab.correct("展扣驾驶证")[0] == "暂扣驾驶证"
    # Two-character terms and terms with Latin letters take no part in correction.
    assert vocab.correct("发宽") == ("发宽", [])
    # Terms not in this file are not corrected.
    assert vocab.correct("申请复营") == ("申请复营", [])


def test_bad_toml_is_a_value_error_in_chinese(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('prompt = "未闭合\n[terms\n', encoding="utf-8")
    with pytest.raises(ValueError, match="词表文件格式错误"):
        Vocabulary.load(path)


def test_missing_vocabulary_file_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="词表文件不存在"):
        Vocabulary.load(tmp_path / "none.toml")


def test_terms_must_be_a_table_of_groups(tmp_path):
    path = tmp_path / "flat.toml"
    path.write_text('terms = ["陈述申辩"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="应是分组表"):
        Vocabulary.load(path)


# --- evaluation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "hypothesis", "errors"),
    [
        ("请出示驾驶证", "请出示驾驶证", (0, 6)),
        ("陈述申辩", "陈述身边", (2, 4)),  # two substitutions
        ("请出示驾驶证", "请出示驾证", (1, 6)),  # one deletion
        ("你好", "你好吗", (1, 2)),  # one insertion
        ("你好", "", (2, 2)),
        ("", "你好", (2, 0)),
        # Scored on the normal form: punctuation, spaces, Traditional and digits don't count.
        ("罚款两百元。", "罚款 200 元", (0, 5)),
        ("請出示駕駛證！", "请出示驾驶证", (0, 6)),
    ],
)
def test_char_errors(reference, hypothesis, errors):
    assert char_errors(reference, hypothesis) == errors


TURNS = [("officer", "请出示驾驶证"), ("civilian", "好的")]


def test_attribution_perfect():
    a = attribution(TURNS, [("officer", "请出示驾驶证。"), ("civilian", "好的！")])
    assert (a.chars_correct, a.chars_aligned, a.turns_correct, a.turns) == (8, 8, 2, 2)
    assert a.char_accuracy == a.turn_accuracy == 1.0


def test_attribution_all_to_one_speaker():
    a = attribution(TURNS, [("officer", "请出示驾驶证好的")])
    assert (a.chars_correct, a.chars_aligned, a.turns_correct, a.turns) == (6, 8, 1, 2)
    assert a.char_accuracy == 0.75
    assert a.turn_accuracy == 0.5


def test_attribution_late_speaker_change_keeps_the_turn_by_majority():
    a = attribution(TURNS, [("officer", "请出示驾驶"), ("civilian", "证好的")])
    assert (a.chars_correct, a.chars_aligned, a.turns_correct) == (7, 8, 2)


def test_attribution_a_split_turn_is_not_a_majority():
    a = attribution(TURNS, [("officer", "请出示驾驶证"), ("civilian", "好"), ("officer", "的")])
    assert (a.chars_correct, a.chars_aligned, a.turns_correct) == (7, 8, 1)


def test_attribution_counts_only_aligned_characters():
    # 驾驶证 was not recognised; the civilian's turn was not recognised at all.
    a = attribution(TURNS, [("officer", "请出示")])
    assert (a.chars_correct, a.chars_aligned, a.turns_correct, a.turns) == (3, 3, 1, 2)


def test_attribution_substitutions_are_aligned():
    a = attribution(TURNS, [("civilian", "请出事驾驶证"), ("civilian", "好的")])
    assert (a.chars_correct, a.chars_aligned, a.turns_correct) == (2, 8, 1)


def test_attribution_sums_over_files():
    total = Attribution()
    assert total.char_accuracy == total.turn_accuracy == 0.0
    total.add(attribution(TURNS, [("officer", "请出示驾驶证好的")]))
    total.add(attribution(TURNS, [("officer", "请出示驾驶证"), ("civilian", "好的")]))
    assert (total.chars_correct, total.chars_aligned, total.turns_correct, total.turns) == (
        14,
        16,
        3,
        4,
    )
