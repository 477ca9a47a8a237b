"""Generated Chinese names for the synthetic directory: plausible, seeded, never real people.

The demo month and eval-dev carry officer ids (``GA403677``) and squad codes (``mudan-1``) only;
the console and the bulletin read names. A name is drawn from a generator seeded with the
officer id, so the same id gets the same name in every run and on every machine, whichever
order the roster is read in. Surnames follow their frequency in China (王、李、张 are common,
欧阳 rare); given names are one or two characters from a list of the usual ones.
"""

from __future__ import annotations

import random

from jiancha.synthetic.month import _DISTRICTS
from jiancha.text import chinese_number

#: Common surnames with rough weights (per mille of the population, rounded).
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 71),
    ("李", 70),
    ("张", 68),
    ("刘", 54),
    ("陈", 46),
    ("杨", 32),
    ("赵", 20),
    ("黄", 19),
    ("周", 18),
    ("吴", 17),
    ("徐", 13),
    ("孙", 12),
    ("胡", 10),
    ("朱", 10),
    ("高", 10),
    ("林", 9),
    ("何", 9),
    ("郭", 9),
    ("马", 9),
    ("罗", 6),
    ("梁", 6),
    ("宋", 5),
    ("郑", 5),
    ("谢", 5),
    ("韩", 5),
    ("唐", 5),
    ("冯", 5),
    ("于", 5),
    ("董", 5),
    ("萧", 4),
    ("程", 4),
    ("曹", 4),
    ("袁", 4),
    ("邓", 4),
    ("许", 4),
    ("傅", 4),
    ("沈", 3),
    ("曾", 3),
    ("彭", 3),
    ("吕", 3),
    ("苏", 3),
    ("卢", 3),
    ("蒋", 3),
    ("蔡", 3),
    ("贾", 3),
    ("丁", 2),
    ("魏", 2),
    ("薛", 2),
    ("叶", 2),
    ("阎", 2),
    ("孔", 2),
    ("司马", 1),
    ("欧阳", 1),
)

#: Characters of given names (both sexes), the usual ones.
_GIVEN = tuple(
    "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂文华建国志红玉兰飞"
    "斌鹏宇浩凯辉东鑫波健亮林峰晨阳雪琳婷博瑞宁海翔帅晓旭立新春"
)

_WEIGHTS = [w for _, w in _SURNAMES]
_FAMILY = [s for s, _ in _SURNAMES]

#: squad-code prefix → district (牡丹区, 高速, …): the synthetic month's one table of districts
DISTRICTS: dict[str, str] = {prefix: name for prefix, (_, name) in _DISTRICTS.items()}

#: Chinese numerals for squad numbers (一中队 … 二十中队, then digits).
_NUMERALS = "一二三四五六七八九十"


def person_name(seed: str) -> str:
    """A plausible Chinese name, the same for the same ``seed`` (an officer id, say)."""
    r = random.Random(f"jiancha-name:{seed}")
    surname = r.choices(_FAMILY, weights=_WEIGHTS)[0]
    given = "".join(r.choice(_GIVEN) for _ in range(1 if r.random() < 0.3 else 2))
    return surname + given


def squad_name(code: str, districts: dict[str, str]) -> tuple[str, str]:
    """(squad name, brigade) of a code like ``mudan-2`` → (牡丹区二中队, 牡丹区大队).

    ``districts`` maps a code's prefix to its district; a code of another shape keeps itself
    as the district, so an unknown squad still gets a readable, unique name.
    """
    prefix, _, number = code.rpartition("-")
    district = districts.get(prefix) if prefix else None
    if district is None or not number.isdigit():
        return f"{code}中队", f"{code}大队"
    brigade = f"{district}大队"
    return f"{district}{chinese_number(int(number))}中队", brigade
