"""Speech acts recognised in what was said: who demands, offers, refuses, threatens, identifies.

The transcript rules used to look for sentences; this module recognises the *act*. A frame
(``data/frames.toml``) names the concepts that must occur together — a demand and money, an
evasion and money, a harm and a condition, a self-reference and a police unit — and the concepts
that undo it (a refusal, a lawful basis, a denial). Concepts are lists of phrasings matched on
characters or toneless pinyin by :mod:`analyzers.lexicon`'s matcher, so ASR homophones still match
(交井 = 交警, 复意 = 复议); two are built in: ``#AMOUNT`` (两百, 五十块, also misheard 两白块) and
``#COUNT`` (二十张, 十几单).

Around the frame's predicate (its first concept) three things are judged per clause:

- negation: a negator of the act's kind before it in the same clause, not cut off by 就/才/那/但
  (我们这里不能收钱 is a refusal; 不删视频别想走 is a condition, not a denial);
- questions: a clause ending in ？ or 吗/么/呢 asks, it does not do (unless the frame allows it:
  反问 threats and insults, "还有什么要陈述申辩的吗");
- reported speech: from 有人说, 你说我, 他说… to the end of the sentence, the words are someone
  else's; words in quotation marks ('不给钱就别想走'是黑车司机说的) are mentioned, not said.

The lexicon (:mod:`analyzers.lexicon`) stays one signal: its hits join the frames' acts and pass the
same question, reported-speech and refusal checks. Results are cached per segment text.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast

from analyzers.lexicon import (
    TRUSTED,
    Clause,
    Lexicon,
    Pattern,
    Strength,
    clauses,
    find,
    load_lexicon,
)
from analyzers.speech_model import SpeechModel, load_model

DEFAULT_FRAMES = Path(__file__).with_name("data") / "frames.toml"

Scope = Literal["clause", "segment", "near"]
Asking = Literal["block", "rhetorical", "allow"]

#: The acts this module recognises: the four said misconducts and the two steps of procedure.
ACTS = ("cash_no_receipt", "quota", "verbal_abuse", "threat", "identification", "rights_notice")

_PIECES = re.compile(r"([，,。！!？?；;：:、…]+)")
_SENTENCE_END = frozenset("。！!？?；;")
_QUESTION_WORDS = (
    "什么",
    "啥",
    "谁",
    "哪",
    "怎",
    "咋",
    "几",
    "多少",
    "为何",
    "为什么",
    "干嘛",
    "是不是",
    "有没有",
)
_DIGITS = frozenset("0123456789零〇一二两三四五六七八九十百千万幺")
_PLACE_SOUNDS = frozenset({"bai", "qian", "wan"})  # 两白块: a misheard 百 after a digit
_MONEY_UNITS = frozenset({"kuai", "yuan", "mao"})
_TICKET_UNITS = frozenset("张单个起份票")
#: after 个, not tickets: 三个月, 两个小时, 五个工作日, 二十个人, 五个路口
#: or people and things counted aloud (二十三个娃, 十几个箱子, 五个乘客): counting is no quota
_NOT_TICKETS_AFTER_GE = frozenset("月小星礼钟点工人路娃孩学乘客箱筐包袋桶瓶座位轮车司老")
#: a number said right before these is a sum handed over (八十拿来, 五十拿过来), no 块 needed
_HAND_OVER = ("拿来", "拿过来", "拿出来", "掏出来")
_OTHER_UNITS = frozenset("分公米天吨次月年小时号点岁人趟条辆毫克里日周倍斤")
#: A quotation is a mention (培训时讲过不能说“信不信我扣你车”): what it quotes is nobody's act here.
_QUOTED = re.compile(r"[“‘「『'\"][^“”‘’「」『』'\"]{1,40}[”’」』'\"]")
_SHORT_WORD = 2  # terms this short match on characters unless [sound] lists them
_NEAR = 4  # characters between an address (你个) and the pejorative word (东西)
_CACHE_SIZE = 50_000
#: From this probability on, a negator in the model's evidence clause no longer blocks its act
#: (round 5, leave-one-corpus-out: recall 0.937 → 0.941 pooled over the dev files, precision
#: unchanged).
_CONFIDENT = 0.9


@dataclass(frozen=True)
class Frame:
    """Concepts that make one act when they occur together, and the ones that undo it."""

    act: str
    meaning: str
    strength: Strength
    concepts: tuple[str, ...]
    scope: Scope = "segment"
    none: tuple[str, ...] = ()
    question: Asking = "block"  # whether a question still performs the act (rhetorical: not 吗)
    headline: bool = False  # the predicate must end a short clause of its own (交巡警二大队，…)
    strict: bool = False  # every concept must hold, not only the predicate (我不是交警，我是路政的)


@dataclass(frozen=True)
class Act:
    """An act recognised in one segment: what, how it was recognised, and the clause it is in."""

    act: str
    meaning: str
    strength: Strength
    clause: str

    def believed_from(self, speaker: str) -> bool:
        """Whether a segment of ``speaker`` performing this act is believed (see ``TRUSTED``)."""
        return speaker in TRUSTED[self.strength]


@dataclass(frozen=True)
class _Piece:
    clause: Clause
    sentence: int
    question: bool
    yes_no: bool  # ends in 吗/么: a real question even where 反问 (信不信) still threatens


@dataclass(frozen=True)
class _Span:
    clause: int
    start: int
    end: int


@dataclass
class Reading:
    """One segment cut into clauses, with where each concept occurs."""

    pieces: list[_Piece]
    spans: dict[str, list[_Span]]
    reported_from: dict[int, int]  # clause -> first reported character in it

    def reported(self, span: _Span) -> bool:
        at = self.reported_from.get(span.clause)
        return at is not None and span.start >= at


def _cut(text: str) -> list[_Piece]:
    """Clauses with their sentence number and whether they ask."""
    parts = _PIECES.split(text.lower())
    out: list[_Piece] = []
    sentence = 0
    for i in range(0, len(parts), 2):
        body = parts[i]
        stop = parts[i + 1] if i + 1 < len(parts) else ""
        for c in clauses(body):
            if _tagged(c.text):
                # 这是我的警官证…明白吗: the recogniser left out the comma before a tag question;
                # the statement before it is still made
                out.append(_Piece(c, sentence, False, False))
                continue
            # 有没有 asks for a fact (你有没有看见撞你的车？), unlike 信不信 or 是不是不想开了
            yes_no = c.text.endswith(("吗", "么")) or "有没有" in c.text
            asks = "？" in stop or "?" in stop or yes_no or _asks_by_particle(c.text)
            out.append(_Piece(c, sentence, asks, yes_no))
        if any(ch in _SENTENCE_END for ch in stop):
            sentence += 1
    return out


#: Tag questions (…，明白吗？) ask nothing of what they follow.
_TAGS = (
    "明白吗",
    "明白不",
    "知道吗",
    "知道不",
    "晓得吗",
    "晓得不",
    "懂吗",
    "懂不懂",
    "听到没",
    "听见没",
    "听懂没",
    "听下了没",
    "听清楚没",
    "记住没",
)
_TAGGED_MIN = 5  # characters before the tag: a statement of its own, not 你知道吗


def _tagged(text: str) -> bool:
    """A statement with a tag question run on to it (…新区交警大队的明白吗)."""
    for tag in _TAGS:
        for end in (tag, tag + "有"):
            if text.endswith(end) and len(text) - len(end) >= _TAGGED_MIN:
                return True
    return False


def _asks_by_particle(text: str) -> bool:
    """A clause ending in 嘛, or in 呢 after a question word, asks; 还差七张呢 only states."""
    # 嘛 closes statements in the south-west (每个星期的票数我得凑齐嘛, 不往上报嘛)
    return text.endswith(("呢", "嘛")) and any(w in text for w in _QUESTION_WORDS)


def _numbers(
    c: Clause,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of money amounts, ticket counts and large amounts (千/万) in clause ``c``."""
    text, syl = c.text, c.syllables
    amounts: list[tuple[int, int]] = []
    counts: list[tuple[int, int]] = []
    big: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        if text[i] not in _DIGITS or text[i] in "百千万":
            i += 1
            continue
        j = i
        while j < len(text) and (
            text[j] in _DIGITS or text[j] == "几" or (syl is not None and syl[j] in _PLACE_SOUNDS)
        ):
            j += 1
        run = text[i:j]
        k = j
        while k < len(text) and text[k] in "多来":
            k += 1
        unit_sound = syl[k] if syl is not None and k < len(text) else ""
        nxt = text[k] if k < len(text) else ""
        places = {s for s in (syl[i:j] if syl is not None else ()) if s in _PLACE_SOUNDS}
        if unit_sound in _MONEY_UNITS or nxt == "蚊":  # 三百蚊: Cantonese 块
            amounts.append((i, k + 1))
        elif nxt in _TICKET_UNITS:
            after = text[k + 1] if k + 1 < len(text) else ""
            if nxt == "个" and after in _NOT_TICKETS_AFTER_GE:
                pass
            elif not (run in ("一", "两") and nxt == "个"):  # 一个/两个 is "a", "a couple"
                counts.append((i, k + 1))
        elif places and nxt not in _OTHER_UNITS and len(run) > 1:
            amounts.append((i, j))
        elif _round_digits(run) and nxt not in _OTHER_UNITS and nxt not in _TICKET_UNITS:
            amounts.append((i, j))  # 拿200来: the recogniser wrote the amount in digits, no 块
        elif text.startswith(_HAND_OVER, k):
            amounts.append((i, j))  # 八十拿来: a bare number handed over is money (round 10)
        if places & {"qian", "wan"} and nxt not in _OTHER_UNITS:
            big.append((i, k))
        i = max(j, i + 1)
    return amounts, counts, big


#: 二百五 (a fool) as the recogniser writes it: 二百五, 二百百五, 200五, 二百5, 250 — not an amount
#: (二百五十块, 250元, 2500) and not part of a longer number.
_NUM = "0-9零〇一二两三四五六七八九十百千万"
_UNITS_AFTER = "块元毛角米吨分斤公里个张号次天秒克人辆年月日点度"
_DUMB_SAID = r"(?:二|2)(?:百+|佰)(?:五|5)|200五"
_DUMB = re.compile(rf"(?<![{_NUM}])(?:{_DUMB_SAID}|250)(?![{_NUM}{_UNITS_AFTER}])")
#: the same said in words (not the bare digits 250, which are as often a sum of money)
_DUMB_WORD = re.compile(rf"(?<![{_NUM}])(?:{_DUMB_SAID})(?![{_NUM}{_UNITS_AFTER}])")


def _dumb(c: Clause, words_only: bool = False) -> list[tuple[int, int]]:
    """Spans of 二百五 as an insult in clause ``c`` (see :data:`_DUMB`)."""
    pattern = _DUMB_WORD if words_only else _DUMB
    return [m.span() for m in pattern.finditer(c.text)]


def _round_digits(run: str) -> bool:
    """Digits such as 200, 1500: a round sum of money as Whisper writes it."""
    return run.isascii() and run.isdigit() and len(run) >= 2 and run.endswith("0")


class Frames:
    """The concepts and frames of ``data/frames.toml``, and the acts they recognise in a text."""

    def __init__(
        self,
        data: dict[str, object],
        lexicon: Lexicon | None = None,
        model: SpeechModel | None = None,
    ) -> None:
        concepts = cast(dict[str, list[str]], data.get("concept", {}))
        sound = set(cast(dict[str, list[str]], data.get("sound", {})).get("terms", ()))
        self.builtin: dict[str, tuple[str, ...]] = {}
        self.concepts: dict[str, tuple[Pattern, ...]] = {}
        for name, terms in concepts.items():
            self.builtin[name] = tuple(t for t in terms if t.startswith("#"))
            self.concepts[name] = tuple(
                # short words sound like too many others (试试/是市, 欠揍/牵走):
                # by sound only if [sound] lists them
                Pattern.parse(t, exact=len(t) <= _SHORT_WORD and t not in sound)
                for t in terms
                if not t.startswith("#")
            )
        self._terms = [(name, pat) for name, pats in self.concepts.items() for pat in pats]
        self._by_key: dict[str, list[int]] = {}
        for i, (_, pat) in enumerate(self._terms):
            for key in pat.first_keys:
                self._by_key.setdefault(key, []).append(i)
        self.frames: list[Frame] = []
        for f in cast(list[dict[str, object]], data.get("frame", [])):
            names = tuple(cast(list[str], f["all"]))
            for n in (*names, *cast(list[str], f.get("none", []))):
                if n not in self.concepts and not n.startswith("#"):
                    raise ValueError(f"语音框架引用了未定义的概念：{n}")
            self.frames.append(
                Frame(
                    act=str(f["act"]),
                    meaning=str(f["meaning"]),
                    strength=cast(Strength, f.get("strength", "strong")),
                    concepts=names,
                    scope=cast(Scope, f.get("scope", "segment")),
                    none=tuple(cast(list[str], f.get("none", []))),
                    question=cast(Asking, f.get("question", "block")),
                    headline=bool(f.get("headline", False)),
                    strict=bool(f.get("strict", False)),
                )
            )
        neg = cast(dict[str, list[str]], data.get("negators", {}))
        self.negators = {k: tuple(v) for k, v in neg.items() if k != "scope_break"}
        self.scope_break = tuple(neg.get("scope_break", ()))
        self.not_negation = tuple(
            cast(dict[str, list[str]], data.get("not_negation", {})).get("words", ())
        )
        self.dismissal = tuple(
            cast(dict[str, list[str]], data.get("dismissed", {})).get("words", ())
        )
        markers = cast(dict[str, list[str]], data.get("reported", {})).get("markers", [])
        self.reported = tuple(Pattern.parse(m, exact=True) for m in markers)
        self.lexicon = lexicon
        self.model = model
        self._acts: dict[tuple[str, bool], list[Act]] = {}
        # the frames' and the lexicon's reading of a segment, before any model: shared by the
        # copies :meth:`with_model` makes, so that trying models (leave-one-corpus-out, the grid)
        # matches each segment's words once
        self._rules: dict[str, tuple[Reading, dict[tuple[str, str], Act]]] = {}

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        lexicon: Lexicon | None = None,
        model: SpeechModel | None = None,
    ) -> Frames:
        """Read a frames TOML file."""
        path = path or DEFAULT_FRAMES
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"语音框架文件无法读取（{path}）：{exc}") from exc
        return cls(data, lexicon, model)

    def with_model(self, model: SpeechModel | None) -> Frames:
        """The same frames and lexicon with another model (their rule readings shared)."""
        other = copy.copy(self)
        other.model = model
        other._acts = {}
        return other

    # -- reading a segment ------------------------------------------------------------------------

    def read(self, text: str) -> Reading:
        """Clauses of ``text`` and where each concept (and reported speech) occurs."""
        pieces = _cut(text)
        spans: dict[str, list[_Span]] = {}
        numbers = [_numbers(p.clause) for p in pieces]
        builtin = {
            "#AMOUNT": [_Span(k, s, e) for k, n in enumerate(numbers) for s, e in n[0]],
            "#COUNT": [_Span(k, s, e) for k, n in enumerate(numbers) for s, e in n[1]],
            "#BIGAMOUNT": [_Span(k, s, e) for k, n in enumerate(numbers) for s, e in n[2]],
            "#DUMB": [_Span(k, s, e) for k, p in enumerate(pieces) for s, e in _dumb(p.clause)],
            "#DUMB_WORD": [
                _Span(k, s, e) for k, p in enumerate(pieces) for s, e in _dumb(p.clause, True)
            ],
        }
        for name in self.concepts:
            spans[name] = [s for b in self.builtin[name] for s in builtin.get(b, [])]
        spans.update(builtin)
        for k, p in enumerate(pieces):
            # only the terms that can start at a character or sound of this clause are tried
            candidates = {i for key in p.clause.starts for i in self._by_key.get(key, ())}
            for i in sorted(candidates):
                name, pat = self._terms[i]
                for s, e in find(pat, p.clause):
                    # 中不中, 行不行 ask; 不中 and 不行 refuse
                    if p.clause.text[s] not in "不没" or not _a_not_a(p.clause.text, s, 1):
                        spans[name].append(_Span(k, s, e))
        reported: dict[int, int] = {}
        for k, p in enumerate(pieces):
            for pat in self.reported:
                for s, _ in find(pat, p.clause):
                    if k in reported and reported[k] <= s:
                        continue
                    reported[k] = s
                    for k2 in range(k + 1, len(pieces)):
                        if pieces[k2].sentence != p.sentence:
                            break
                        reported[k2] = 0
        return Reading(pieces, spans, reported)

    def negated(self, act: str, c: Clause, start: int) -> bool:
        """A negator of ``act`` before ``start`` in clause ``c``, not cut off by 就/才/那/但."""
        before = c.text[:start]
        for w in self.negators.get(act, ()):
            at = before.rfind(w)
            while at >= 0:
                if not self._idiom(c.text, at) and not _a_not_a(c.text, at, len(w)):
                    between = c.text[at + len(w) : start]
                    if not any(b in between for b in self.scope_break):
                        return True
                at = before.rfind(w, 0, at)
        return False

    def _idiom(self, text: str, at: int) -> bool:
        for idiom in self.not_negation:
            i = text.find(idiom, max(0, at - len(idiom)))
            while 0 <= i <= at:
                if i <= at < i + len(idiom):
                    return True
                i = text.find(idiom, i + 1)
        return False

    def _holds(self, r: Reading, act: str, span: _Span) -> bool:
        """A concept occurrence that is neither reported nor negated."""
        return not r.reported(span) and not self.negated(
            act, r.pieces[span.clause].clause, span.start
        )

    def _present(self, r: Reading, act: str, name: str) -> bool:
        """A concept that undoes ``act`` occurs, not negated (别去银行 does not make it lawful).

        A refusal that is itself said with a negator (不收, 不碰) is not undone by an earlier one:
        in 不开票的钱我不碰 the 不 of 不开票 belongs to what is refused. A verdict (不给钱不行)
        still is: there the whole clause is the demand."""
        return any(
            (
                _negated_word(r.pieces[s.clause].clause.text[s.start : s.end])
                or not self.negated(act, r.pieces[s.clause].clause, s.start)
            )
            and not self._dismissed(r.pieces[s.clause].clause.text[s.end :])
            for s in r.spans.get(name, [])
        )

    def _dismissed(self, after: str) -> bool:
        """交银行多麻烦，直接给俺: the lawful way named only to be waved away."""
        return any(w in after for w in self.dismissal)

    # -- acts -------------------------------------------------------------------------------------

    def acts(self, text: str, speaker: str | None = None) -> list[Act]:
        """The acts performed in ``text`` (one segment); cached by text and whether a civilian
        said it (``speaker``): the model's veto judges only what may be the officer's act."""
        key = (text, speaker == "civilian")
        if key not in self._acts:
            if len(self._acts) >= _CACHE_SIZE:
                self._acts.clear()
            self._acts[key] = self._recognise(text, civilian=key[1])
        return self._acts[key]

    def _rule_acts(self, text: str) -> tuple[Reading, dict[tuple[str, str], Act]]:
        """The reading of ``text`` and the acts the frames and the lexicon find in it, cached."""
        if text in self._rules:
            return self._rules[text]
        if len(self._rules) >= _CACHE_SIZE:
            self._rules.clear()
        r = self.read(text)
        out: dict[tuple[str, str], Act] = {}
        for f in self.frames:
            anchors = r.spans.get(f.concepts[0], [])
            if not anchors or any(not r.spans.get(n) for n in f.concepts[1:]):
                continue
            if any(self._present(r, f.act, n) for n in f.none):
                continue
            for a in anchors:
                piece = r.pieces[a.clause]
                if _asks(piece, f.question) or not self._holds(r, f.act, a):
                    continue
                if f.headline and not _headline(piece.clause.text, a.end):
                    continue
                if all(self._with(r, f, a, n) for n in f.concepts[1:]):
                    out.setdefault(
                        (f.act, f.meaning), Act(f.act, f.meaning, f.strength, piece.clause.text)
                    )
                    break
        if self.lexicon is not None:
            for act in self._lexicon_acts(r, text):
                out.setdefault((act.act, act.meaning), act)
        self._rules[text] = (r, out)
        return r, out

    def _recognise(self, text: str, civilian: bool = False) -> list[Act]:
        text = _QUOTED.sub("，", text)
        r, rules = self._rule_acts(text)
        out = dict(rules)
        if self.model is not None:
            probability = self.model.probabilities(text)  # once a segment: veto and model acts
            if self.model.veto:
                # The model learnt officers' turns only (civilian segments are left out of its
                # training), so its veto says nothing about a civilian's own words: his 一群混蛋
                # stays an insult *of his* (good practice's 面对辱骂保持克制 needs it). An act
                # believed even from a civilian-labelled turn ("role": only the enforcing side
                # says it, the label is the recogniser's error) is taken as the officer's, and
                # judged like one.
                veto = self.model.veto
                out = {
                    k: a
                    for k, a in out.items()
                    if (civilian and a.strength != "role")
                    or probability[a.act] >= veto.get(a.act, 0.0)
                }
            found = {a.act for a in out.values()}
            for act in self._model_acts(r, probability, found):
                out.setdefault((act.act, act.meaning), act)
        return list(out.values())

    def _model_acts(self, r: Reading, probability: dict[str, float], found: set[str]) -> list[Act]:
        """The model's acts (:mod:`analyzers.speech_model`) that no frame found, kept only where a
        frame would keep its own: not reported, not asked, not undone, not negated in its clause."""
        assert self.model is not None
        heard = [
            a for a, q in probability.items() if q >= self.model.threshold[a] and a not in found
        ]
        if not heard or r.reported_from or not r.pieces:
            return []
        undone = {f.act for f in self.frames for n in f.none if self._present(r, f.act, n)}
        asking: dict[str, Asking] = {f.act: f.question for f in self.frames}
        out = []
        for act in heard:
            if act in undone:
                continue
            # the clause that sounds most like the act is its evidence, and must hold it
            best = max(
                range(len(r.pieces)),
                key=lambda k: self.model.probabilities(r.pieces[k].clause.text)[act],  # type: ignore[union-attr]
            )
            piece = r.pieces[best]
            if _asks(piece, asking.get(act, "block")):
                continue
            # a negator anywhere in the clause blocks a doubtful act; a confident one keeps it,
            # since evasions are said with negators (系统里不给你录, 明天就不用上班了)
            if probability[act] < _CONFIDENT and self.negated(
                act, piece.clause, len(piece.clause.text)
            ):
                continue
            out.append(Act(act, _MODEL_MEANING[act], "strong", piece.clause.text))
        return out

    def _with(self, r: Reading, f: Frame, a: _Span, name: str) -> bool:
        for s in r.spans.get(name, []):
            if r.reported(s) or (s.clause == a.clause and s.start == a.start and s.end == a.end):
                continue
            if f.strict and not self._holds(r, f.act, s):
                continue
            if f.scope == "segment":
                return True
            if s.clause != a.clause:
                continue
            if f.scope == "clause" or a.end <= s.start <= a.end + _NEAR:
                return True
        return False

    def _lexicon_acts(self, r: Reading, text: str) -> list[Act]:
        """The lexicon's hits, through the same question, reported-speech and undoing checks."""
        assert self.lexicon is not None
        by_text = {p.clause.text: k for k, p in enumerate(r.pieces)}
        undone = {f.act for f in self.frames for n in f.none if self._present(r, f.act, n)}
        asking: dict[str, Asking] = {f.act: f.question for f in self.frames}
        out = []
        for h in self.lexicon.hits(text):
            act = h.group.category
            k = by_text.get(h.clause)
            if act in undone or k is None:
                continue
            if _asks(r.pieces[k], asking.get(act, "block")):
                continue
            pattern = _parse(h.term)
            tail = pattern.parts[-1]
            last = len(tail.text) if not isinstance(tail, str) else 1
            spans = find(pattern, r.pieces[k].clause) or [(0, 0)]
            # 我们不会拘留你: a negation inside the gap of 我…拘留你 negates it as well
            if all(
                not self._holds(r, act, _Span(k, s, e))
                or not self._holds(r, act, _Span(k, e - last, e))
                for s, e in spans
            ):
                continue
            out.append(Act(act, h.group.meaning, h.group.strength, h.clause))
        return out


_MODEL_MEANING = {
    "cash_no_receipt": "说了与索要钱款、以钱换不处罚相近的话",
    "quota": "说了与罚款指标、开单任务相近的话",
    "verbal_abuse": "说了与辱骂当事人相近的话",
    "threat": "说了与威胁恐吓相近的话",
    "identification": "说了与表明警察身份相近的话",
    "rights_notice": "说了与告知陈述、申辩或复议、诉讼权利相近的话",
}


@lru_cache(maxsize=4096)
def _parse(term: str) -> Pattern:
    return Pattern.parse(term)


def _asks(piece: _Piece, asking: Asking) -> bool:
    """Whether the clause is a question that, for this frame, does not perform the act."""
    if asking == "allow":
        return False
    return piece.yes_no if asking == "rhetorical" else piece.question


_HEADLINE_TAILS = ("", "的", "队的", "执法", "执勤", "执行公务", "例行检查")
_HEADLINE_MAX = 14
_NOT_HEADLINE = frozenset("你恁他她我俺去找跟打那就骂说有")


def _headline(text: str, end: int) -> bool:
    """A clause that only names who speaks: 市交警支队机动大队, 交警执法, 执勤民警."""
    return (
        len(text) <= _HEADLINE_MAX
        and text[end:] in _HEADLINE_TAILS
        and not any(ch in _NOT_HEADLINE for ch in text)
    )


_VERDICTS = ("不行", "不中", "不可能", "不兴", "没门")


def _negated_word(word: str) -> bool:
    """A cancelling word said with its own negator (不收, 别给), not a verdict on the clause."""
    return word[:1] in ("不", "没", "别") and word not in _VERDICTS


def _a_not_a(text: str, at: int, n: int) -> bool:
    """信不信, 是不是, 有没有 ask; they do not negate."""
    return at > 0 and at + n < len(text) and text[at - 1] == text[at + n]


def acts_of(frames: Frames, text: str, speaker: str, wanted: Sequence[str] = ACTS) -> list[Act]:
    """The acts of ``wanted`` in ``text`` that are believed from ``speaker``."""
    return [a for a in frames.acts(text, speaker) if a.act in wanted and a.believed_from(speaker)]


_CUT_OFF = ("——", "—", "--")


def resumed(turns: Sequence[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """Utterances cut off by the other side and taken up again: a turn of the enforcing side that
    ends in a dash, the same side's next turn (after at most one turn of the civilian) that starts
    with one (钱放副驾上—— / 你—— / ——我一会儿过去拿). Each is ``(first, second, speaker, text)``:
    the two turns read as one segment, so that an act split by the interruption (the amount in one
    turn, the evasion in the other) is still one act. ``turns`` are ``(speaker, text)``."""
    out = []
    for i, (speaker, text) in enumerate(turns):
        if speaker == "civilian" or not text.rstrip().endswith(_CUT_OFF):
            continue
        for j in range(i + 1, min(i + 3, len(turns))):
            other, rest = turns[j]
            if other == "civilian":
                continue
            if rest.lstrip().startswith(_CUT_OFF):
                who = "officer" if "officer" in (speaker, other) else "unknown"
                joined = text.rstrip().rstrip("—-") + "，" + rest.lstrip().lstrip("—-")
                out.append((i, j, who, joined))
            break
    return out


@lru_cache(maxsize=4)
def load_frames(path: Path | None = None) -> Frames:
    """The frames at ``path`` (default: the packaged ones) with the packaged lexicon, cached."""
    return Frames.load(path, load_lexicon(), load_model())
