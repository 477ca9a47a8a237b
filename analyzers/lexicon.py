"""The lexicon of the transcript rules and how its terms are found in what was said.

The words are data (``data/lexicon.toml``, the supervision center extends it): groups of terms per
category, each with the meaning it carries, the negators that cancel it and the words of proper
procedure (表明身份, 陈述申辩). :class:`Lexicon` loads the file; :meth:`Lexicon.hits` says which
terms a segment of speech holds.

Speech recognition mishears, so a term matches on characters or on toneless pinyin (纯祸 = 蠢货),
with one accent slip (z/zh, n/l, -ng, see :mod:`jiancha.text`) allowed in terms of three syllables
or more; ``…`` in a term stands for a few characters of the same clause, ``#`` for a number. A
negator just before a term in the same clause cancels it (俺这儿不收现钱), but not in an A-not-A
question (信不信) or an idiom that merely contains 不/没 (不好意思). Who said it matters: the
segment's speaker comes from speech recognition and is sometimes wrong, so each group of terms says
how much it trusts the label (:data:`TRUSTED`; ``weak``: only segments labelled officer;
``strong``: officer or unknown; ``role``: any, because only the enforcing side says such words,
e.g. 信不信把你车拖走).
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal, cast

from analyzers.catalogue import CATEGORIES
from jiancha.text import fold, pinyin

DEFAULT_LEXICON = Path(__file__).with_name("data") / "lexicon.toml"

Strength = Literal["weak", "strong", "role"]

#: Which speaker labels each strength believes (see the module docstring).
TRUSTED: dict[str, frozenset[str]] = {
    "weak": frozenset({"officer"}),
    "strong": frozenset({"officer", "unknown"}),
    "role": frozenset({"officer", "unknown", "civilian"}),
}
_CLAUSE_BREAK = re.compile(r"[，,。！!？?；;：:、…\s]+")
_NUMBER_CHARS = frozenset("0123456789零〇一二两三四五六七八九十百千万几")
_GAP, _NUMBER = "…", "#"
_MIN_PINYIN = 2  # single characters match as characters only: one syllable has too many homophones
_MIN_FOLDED = 3  # accent folding (zh/z, n/l, -ng) only for terms of three syllables or more
_MAX_FOLDS = 1  # and for one of their syllables at most
_CACHE_SIZE = 50_000  # segment texts remembered (transcripts repeat the same sentences)


# -- patterns -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Literal:
    text: str
    syllables: tuple[str, ...]
    folded: tuple[str, ...]
    exact: bool


@dataclass(frozen=True)
class Pattern:
    """One lexicon term: literal parts, ``…`` (a few characters of the same clause), ``#`` (a
    number)."""

    text: str
    parts: tuple[_Literal | str, ...]

    @classmethod
    def parse(cls, text: str, *, exact: bool = False) -> Pattern:
        """``"还差#单"`` → literal 还差, a number, literal 单."""
        parts: list[_Literal | str] = []
        for piece in re.split(f"([{_GAP}{_NUMBER}])", text.strip().lower()):
            if piece in (_GAP, _NUMBER):
                parts.append(piece)
            elif piece:
                syl = tuple(pinyin(piece))
                ok = len(syl) == len(piece)
                parts.append(
                    _Literal(
                        piece,
                        syl if ok else (),
                        tuple(fold(s) for s in syl) if ok else (),
                        exact or not ok or len(piece) < _MIN_PINYIN,
                    )
                )
        if not parts or not isinstance(parts[0], _Literal):
            raise ValueError(f"词条须以文字开头：{text!r}")
        return cls(text, tuple(parts))

    @cached_property
    def first_keys(self) -> tuple[str, ...]:
        """Where a match can start, as keys of :attr:`Clause.starts`."""
        head = self.parts[0]
        assert isinstance(head, _Literal)  # parse guarantees it
        keys = [head.text[0]]
        if not head.exact:
            keys.append("s:" + head.syllables[0])
            if len(head.text) >= _MIN_FOLDED:
                keys.append("f:" + head.folded[0])
        return tuple(keys)


@dataclass(frozen=True)
class Clause:
    """A stretch of speech between punctuation, with one toneless syllable per character."""

    text: str
    syllables: tuple[str, ...] | None
    folded: tuple[str, ...] | None

    @cached_property
    def starts(self) -> dict[str, list[int]]:
        """Positions by character, by syllable (``s:``) and by folded syllable (``f:``): a term
        can only start where its first character, sound or folded sound is."""
        index: dict[str, list[int]] = defaultdict(list)
        for i, ch in enumerate(self.text):
            index[ch].append(i)
        sounds = zip(self.syllables or (), self.folded or (), strict=True)
        for i, (syl, folded) in enumerate(sounds):
            index["s:" + syl].append(i)
            index["f:" + folded].append(i)
        return index

    @classmethod
    def of(cls, text: str) -> Clause:
        syl = tuple(pinyin(text))
        if len(syl) != len(text):  # pypinyin keeps one syllable per character; be safe
            return cls(text, None, None)
        return cls(text, syl, tuple(fold(s) for s in syl))


def clauses(text: str) -> list[Clause]:
    """``text`` cut at punctuation and spaces (Whisper often leaves out commas, rarely spaces)."""
    return [_clause(c.lower()) for c in _CLAUSE_BREAK.split(text) if c]


@lru_cache(maxsize=_CACHE_SIZE)
def _clause(text: str) -> Clause:
    """Clauses repeat across transcripts (您好, 请出示驾驶证): their pinyin is worked out once."""
    return Clause.of(text)


def _literal_at(lit: _Literal, c: Clause, i: int) -> bool:
    n = len(lit.text)
    if i + n > len(c.text):
        return False
    if c.text.startswith(lit.text, i):
        return True
    if lit.exact or c.syllables is None or c.folded is None:
        return False
    folds = 0
    for k in range(n):
        if c.text[i + k] == lit.text[k] or c.syllables[i + k] == lit.syllables[k]:
            continue
        if n >= _MIN_FOLDED and c.folded[i + k] == lit.folded[k]:
            folds += 1  # 行不行 folds twice into 信不信: one accent slip per term is enough
            continue
        return False
    return folds <= _MAX_FOLDS


def _match_from(parts: Sequence[_Literal | str], c: Clause, i: int, max_gap: int) -> int | None:
    """End of a match of ``parts`` starting exactly at ``i``, or None."""
    if not parts:
        return i
    head, rest = parts[0], parts[1:]
    if isinstance(head, _Literal):
        return (
            _match_from(rest, c, i + len(head.text), max_gap) if _literal_at(head, c, i) else None
        )
    if head == _GAP:
        candidates: Iterable[int] = range(i, min(i + max_gap, len(c.text)) + 1)
    else:  # a number: as many number characters as the rest allows, longest first
        j = i
        while j < len(c.text) and c.text[j] in _NUMBER_CHARS:
            j += 1
        candidates = range(j, i, -1)
    for j in candidates:
        end = _match_from(rest, c, j, max_gap)
        if end is not None:
            return end
    return None


def find(pattern: Pattern, c: Clause, max_gap: int = 6) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of ``pattern`` in clause ``c``."""
    index = c.starts
    keys = [k for k in pattern.first_keys if k in index]
    if not keys:
        return []
    starts = sorted({i for k in keys for i in index[k]})
    spans = []
    for i in starts:
        end = _match_from(pattern.parts, c, i, max_gap)
        if end is not None:
            spans.append((i, end))
    return spans


# -- the lexicon ----------------------------------------------------------------------------------


def _a_not_a(text: str, at: int, n: int) -> bool:
    """The question form 信不信, 是不是, 有没有 asks; it does not negate."""
    return at > 0 and at + n < len(text) and text[at - 1] == text[at + n]


@dataclass(frozen=True)
class Group:
    """Terms that mean one thing (``meaning``), with whom they are believed from."""

    category: str
    meaning: str
    strength: Strength
    terms: tuple[Pattern, ...]
    needs: tuple[Pattern, ...] = ()  # one of these must be in the same segment
    unless: tuple[Pattern, ...] = ()  # none of these may be in the same clause


@dataclass(frozen=True)
class Hit:
    """A term said in a segment, not negated."""

    group: Group
    term: str
    clause: str


@dataclass
class Lexicon:
    """Groups of terms per category, negation words and the words of proper procedure."""

    groups: list[Group]
    laws: dict[str, str]
    negators: dict[str, tuple[str, ...]]  # by category; "" is the default
    not_negation: tuple[str, ...] = ()
    negation_gap: int = 2
    max_gap: int = 6
    identification: tuple[Pattern, ...] = ()
    notice: tuple[Pattern, ...] = ()
    procedure_law: str = "行政处罚法第44、45条"
    _hits: dict[str, list[Hit]] = field(default_factory=dict, repr=False)
    _procedural: dict[str, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        """Read a lexicon TOML file (see the comments at the top of ``data/lexicon.toml``)."""
        path = path or DEFAULT_LEXICON
        try:
            return cls.from_toml(path.read_text(encoding="utf-8"), str(path))
        except FileNotFoundError as exc:
            raise ValueError(f"语音规则词表不存在：{path}") from exc

    @classmethod
    def from_toml(cls, text: str, path: str = "<text>") -> Lexicon:
        """A lexicon from TOML text; ``path`` only names it in errors."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"语音规则词表格式错误（{path}）：{exc}") from exc
        negation = data.get("negation", {})
        negators: dict[str, tuple[str, ...]] = {"": tuple(negation.get("words", ()))}
        groups: list[Group] = []
        laws: dict[str, str] = {}
        for name, cat in data.get("category", {}).items():
            if name not in CATEGORIES:
                raise ValueError(f"语音规则词表 {path} 中的类别 {name} 不在 catalogue 中")
            laws[name] = str(cat.get("law", CATEGORIES[name].law))
            if "negators" in cat:
                negators[name] = tuple(cat["negators"])
            for g in cat.get("group", []):
                strength = g.get("strength", "weak")
                if strength not in TRUSTED:
                    raise ValueError(f"{name} 的词组 strength 应为 weak/strong/role：{strength!r}")
                terms = [Pattern.parse(t) for t in g.get("terms", [])]
                terms += [Pattern.parse(t, exact=True) for t in g.get("exact", [])]
                groups.append(
                    Group(
                        name,
                        str(g["meaning"]),
                        cast(Strength, strength),
                        tuple(terms),
                        tuple(Pattern.parse(t) for t in g.get("needs", [])),
                        tuple(Pattern.parse(t) for t in g.get("unless", [])),
                    )
                )
        proc = data.get("procedure", {})
        return cls(
            groups=groups,
            laws=laws,
            negators=negators,
            not_negation=tuple(negation.get("not_negation", ())),
            negation_gap=int(negation.get("max_gap", 2)),
            max_gap=int(data.get("matching", {}).get("max_gap", 6)),
            identification=tuple(Pattern.parse(t) for t in proc.get("identification", [])),
            notice=tuple(Pattern.parse(t) for t in proc.get("notice", [])),
            procedure_law=str(proc.get("law", "行政处罚法第44、45条")),
        )

    def negated(self, category: str, c: Clause, start: int) -> bool:
        """A negator ends at most ``negation_gap`` characters before ``start`` in clause ``c``
        (not one of the words that merely contain 不/没, like 不好意思)."""
        words = self.negators.get(category, self.negators[""])
        before = c.text[:start]
        for w in words:
            at = before.rfind(w)
            while at >= 0:
                if (
                    start - (at + len(w)) <= self.negation_gap
                    and not _a_not_a(c.text, at, len(w))
                    and not self._inside_idiom(c.text, at)
                ):
                    return True
                at = before.rfind(w, 0, at)
        return False

    def _inside_idiom(self, text: str, at: int) -> bool:
        for idiom in self.not_negation:
            i = text.find(idiom)
            while i >= 0:
                if i <= at < i + len(idiom):
                    return True
                i = text.find(idiom, i + 1)
        return False

    def hits(self, text: str) -> list[Hit]:
        """Terms said in ``text`` (one segment), whoever said it; cached by text."""
        if text not in self._hits:
            if len(self._hits) >= _CACHE_SIZE:  # a long-running worker sees endless new texts
                self._hits.clear()
            self._hits[text] = self._find_hits(text)
        return self._hits[text]

    def procedural(self, text: str) -> bool:
        """Whether ``text`` identifies the officer or tells the right to state and defend."""
        if text not in self._procedural:
            if len(self._procedural) >= _CACHE_SIZE:
                self._procedural.clear()
            self._procedural[text] = self.mentions((*self.identification, *self.notice), text)
        return self._procedural[text]

    def _find_hits(self, text: str) -> list[Hit]:
        cs = clauses(text)
        present = {key for c in cs for key in c.starts}
        found: list[tuple[Group, str, int, int, int]] = []  # group, term, clause, start, end
        for g in self.groups:
            # most texts hold none of a group's terms: skip those without looking further
            terms = [p for p in g.terms if any(k in present for k in p.first_keys)]
            if not terms:
                continue
            if g.needs and not any(find(p, c, self.max_gap) for p in g.needs for c in cs):
                continue
            for k, c in enumerate(cs):
                if any(find(p, c, self.max_gap) for p in g.unless):
                    continue
                found += [(g, p.text, k, s, e) for p in terms for s, e in find(p, c, self.max_gap)]
        out: list[Hit] = []
        for g, term, k, s, e in found:
            # a term inside a negated longer one of its category is negated with it: in
            # 没有任何罚款指标 the 没有 negates 罚款指标, and so 指标 too
            if self.negated(g.category, cs[k], s) or any(
                g2.category == g.category
                and k2 == k
                and s2 <= s
                and e <= e2
                and e2 - s2 > e - s
                and self.negated(g.category, cs[k], s2)
                for g2, _, k2, s2, e2 in found
            ):
                continue
            if not any(h.group is g for h in out):
                out.append(Hit(g, term, cs[k].text))
        return out

    def mentions(self, patterns: Iterable[Pattern], text: str) -> bool:
        """Whether any of ``patterns`` is in ``text``."""
        cs = clauses(text)
        return any(find(p, c, self.max_gap) for p in patterns for c in cs)


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon at ``path`` (default: the packaged one), cached."""
    return Lexicon.load(path)
