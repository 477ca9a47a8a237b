"""Whisper-style damage for the speech model's training data (analyzers/speech_augment.py)."""

from __future__ import annotations

import random

from analyzers.speech_augment import Inventory, damage, damaged, number_in_digits
from jiancha.text import fold, pinyin

TEXTS = [
    "我是交警三大队的，请出示驾驶证。",
    "你拿两百块钱出来，罚单就不开了。",
    "对处罚有意见可以陈述申辩。",
    "交井身边，这个月要开三十张罚单。",
    "信不信我扣你的车。",
]


def test_numbers_said_in_words_become_digits() -> None:
    assert number_in_digits("两百") == "200"
    assert number_in_digits("三十五") == "35"
    assert number_in_digits("十") == "10"
    assert number_in_digits("三万五千") == "35000"
    assert number_in_digits("一二二") == "122"
    # one bare digit stays a word, as Whisper leaves 一样, 两个
    assert number_in_digits("两") is None


def test_a_substitute_sounds_alike_and_comes_from_the_inventory() -> None:
    inv = Inventory.of(TEXTS)
    chars = {c for t in TEXTS for c in t}
    rng = random.Random(0)
    seen = set()
    for _ in range(200):
        s = inv.substitute("警", "jing", rng)
        seen.add(s)
        assert s in chars
        assert fold(pinyin(s)[0]) == fold("jing")
    assert "井" in seen  # the homophone the corpus has
    # no character in the inventory sounds like 驴: nothing to put in its place
    assert inv.substitute("驴", "lv", rng) == "驴"


def test_damage_is_seeded_and_keeps_labels() -> None:
    data = [(t, frozenset({"identification"})) for t in TEXTS]
    a = damaged(data, 2, seed=7)
    b = damaged(data, 2, seed=7)
    assert a == b
    assert len(a) == 2 * len(data)
    assert all(labels == frozenset({"identification"}) for _, labels in a)
    assert damaged(data, 0) == []
    assert a != damaged(data, 2, seed=8)


def test_damage_looks_like_recogniser_output() -> None:
    inv = Inventory.of(TEXTS)
    rng = random.Random(3)
    outs = [damage(TEXTS[1], inv, rng) for _ in range(100)]
    assert any("200" in o for o in outs)  # digits for numbers
    assert any("，" not in o and "。" not in o for o in outs)  # no punctuation
    # most of the sentence survives: damage, not noise
    assert all(len(o) >= len(TEXTS[1]) - 6 for o in outs)
    assert sum(o == TEXTS[1] for o in outs) < 50
