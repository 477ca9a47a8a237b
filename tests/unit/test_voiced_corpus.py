"""The voiced-corpus benchmark's pure parts: the stratified sample, the voices, the tally."""

from __future__ import annotations

from collections import Counter

from analyzers.corpus import Exchange, Turn
from benchmarks.voiced_corpus import Tally, stratified_sample, voice_plan


def _ex(i: int, labels: tuple[str, ...], kind: str) -> Exchange:
    return Exchange(f"T-{i:04d}", (Turn("officer", f"句子{i}"),), frozenset(labels), kind)


def _corpus() -> list[Exchange]:
    out = []
    for i in range(40):
        out.append(_ex(i, ("threat",), "positive"))
        out.append(_ex(100 + i, ("quota", "cash_no_receipt"), "positive"))
    for i in range(5):
        out.append(_ex(200 + i, ("verbal_abuse",), "positive"))
    for i, kind in enumerate(["negation"] * 30 + ["question"] * 3 + ["other"] * 20):
        out.append(_ex(300 + i, (), kind))
    return out


def test_sample_takes_each_label_and_spreads_negatives_over_kinds() -> None:
    sample = stratified_sample(_corpus(), per_label=4, negatives=12, seed=3)
    ids = [e.id for e in sample]
    assert len(ids) == len(set(ids))
    positives = [e for e in sample if e.labels]
    for label in ("threat", "quota", "cash_no_receipt", "verbal_abuse"):
        assert sum(label in e.labels for e in positives) >= 4
    # quota and cash_no_receipt share exchanges: 4 for one label already carry the other
    assert len(positives) == 4 + 4 + 4 + 4 or len(positives) == 4 * 3
    kinds = Counter(e.kind for e in sample if not e.labels)
    assert sum(kinds.values()) == 12
    assert kinds["question"] == 3  # all there are
    assert abs(kinds["negation"] - kinds["other"]) <= 1


def test_sample_is_seeded() -> None:
    a = [e.id for e in stratified_sample(_corpus(), 4, 12, seed=3)]
    assert a == [e.id for e in stratified_sample(_corpus(), 4, 12, seed=3)]
    assert a != [e.id for e in stratified_sample(_corpus(), 4, 12, seed=4)]


def test_voices_are_apart_and_seeded_per_exchange() -> None:
    p = voice_plan("H-0001")
    assert p == voice_plan("H-0001")
    assert p["officer"]["pitch"] < p["civilian"]["pitch"] - 300
    assert 0.9 < p["officer"]["tempo"] < 1.1
    assert p != voice_plan("H-0002")


def test_tally_counts_recall_false_acts_and_micro() -> None:
    t = Tally()
    t.add(frozenset({"threat"}), "positive", {"threat", "identification"})
    t.add(frozenset({"quota"}), "positive", set())
    t.add(frozenset(), "civilian_says", {"verbal_abuse"})
    t.add(frozenset(), "lawful_notice", {"rights_notice"})
    t.add(frozenset(), "lawful_notice", set())
    assert (t.hit["threat"], t.gold["threat"], t.hit["quota"], t.gold["quota"]) == (1, 1, 0, 1)
    assert t.neg == Counter({"civilian_says": 1, "lawful_notice": 2})
    assert t.neg_any == Counter({"civilian_says": 1, "lawful_notice": 1})
    assert t.neg_flag == Counter({"civilian_says": 1, "lawful_notice": 0})
    assert (t.tp, t.fp, t.fn) == (1, 3, 1)
    assert t.precision == 0.25 and t.recall == 0.5
