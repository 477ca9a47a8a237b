"""What a reviewer types in a search box, as the searches read it: alternatives, Traditional
characters, officer ids in any case, squads by name (issue 16, problem 6)."""

from __future__ import annotations

import pytest

from jiancha.elastic.queries import any_group, officer_id_prefix, word_groups
from jiancha.names import squad_codes, squad_name
from jiancha.text import chinese_number, to_simplified


@pytest.mark.parametrize(
    ("typed", "groups"),
    [
        ("现金 不开票", [["现金", "不开票"]]),
        ("现金|微信", [["现金"], ["微信"]]),
        ("现金｜微信 转账", [["现金"], ["微信", "转账"]]),
        ("现金 或 微信", [["现金"], ["微信"]]),
        ("现金 OR 微信", [["现金"], ["微信"]]),
        ("現金\u3000不開票", [["现金", "不开票"]]),
        ("或者 现金", [["或者", "现金"]]),  # 或 inside a word is no separator
        ("  ", []),
        ("| 现金 |", [["现金"]]),
    ],
)
def test_word_groups(typed: str, groups: list[list[str]]) -> None:
    assert word_groups(typed) == groups


def test_one_group_is_a_plain_and_several_are_an_or() -> None:
    phrase = lambda w: {"match_phrase": {"f": w}}  # noqa: E731
    assert any_group([["a", "b"]], phrase) == [phrase("a"), phrase("b")]
    (either,) = any_group([["a"], ["b", "c"]], phrase)
    assert either["bool"]["minimum_should_match"] == 1
    assert either["bool"]["should"][1] == {"bool": {"must": [phrase("b"), phrase("c")]}}


@pytest.mark.parametrize("typed", ["ga403677", "GA 4036", "ＧＡ４０３", " ga4 "])
def test_officer_ids_in_any_case_spaced_or_begun(typed: str) -> None:
    (prefix,) = officer_id_prefix("officer_id", typed)["prefix"].values()
    assert "GA403677".startswith(prefix)


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("牡丹区一中队", ["mudan-1"]),
        ("牡丹一中队", ["mudan-1"]),
        ("牡丹区2中队", ["mudan-2"]),
        ("MUDAN-1", ["mudan-1"]),
        (" gaosu-1 ", ["gaosu-1"]),
        ("高速一中队", ["gaosu-1"]),
        ("開發區一中隊", ["kaifa-1"]),
        ("不存在中队", ["不存在中队"]),
        ("", []),
    ],
)
def test_squads_by_name_or_code(typed: str, codes: list[str]) -> None:
    assert squad_codes(typed) == codes


def test_a_district_means_all_its_squads() -> None:
    assert {"mudan-1", "mudan-2"} <= set(squad_codes("牡丹区"))


def test_squad_names() -> None:
    assert squad_name("mudan-2") == "牡丹区二中队"
    assert squad_name("gaosu-1") == "高速一中队"
    assert squad_name("elsewhere-1") == "elsewhere-1"
    assert squad_name(None) == ""


@pytest.mark.parametrize(
    ("n", "text"), [(0, "零"), (1, "一"), (10, "十"), (12, "十二"), (40, "四十")]
)
def test_chinese_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text


def test_traditional_to_simplified() -> None:
    assert to_simplified("現金不開票，罰款兩百") == "现金不开票，罚款两百"
