"""Transcript rules: what is said on the recorder, judged against the law.

:func:`transcript_flags` looks at one encounter (an enforcement action and the transcripts of the
recordings around it) and flags

- ``cash_no_receipt``: the officer asks for cash or a transfer to his own account, waives the
  receipt, or offers to settle privately (私了). Fines are paid at a bank against an official
  receipt; on-the-spot collection only up to 100 CNY and always with a 罚没收据 (行政处罚法 arts.
  68/70, 道路交通安全法 art. 108);
- ``quota``: the officer speaks of fine quotas or targets (道路交通安全法 art. 86 forbids them);
- ``verbal_abuse`` and ``threat``: insults and intimidation by the officer (人民警察法 art. 22,
  文明执法规范); a lawful notice of a measure (依法扣留车辆) is not a threat;
- ``procedure_missing``: a penalty whose recordings hold neither the officer's identification
  (表明身份) nor the notice of the right to state and defend (陈述申辩) (行政处罚法 arts. 44/45).

What is recognised is the act, not the sentence: :mod:`analyzers.frames` finds who demands money,
speaks of a target, threatens, insults, identifies himself or tells the rights — with negation,
refusal, questions and reported speech scoped per clause — and :mod:`analyzers.lexicon`'s words are
one of its signals. Both are data (``data/frames.toml``, ``data/lexicon.toml``).
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzers.catalogue import CATEGORIES
from analyzers.frames import Act, Frames, load_frames, resumed
from analyzers.lexicon import Lexicon, load_lexicon
from analyzers.model import Encounter, encounter_flag
from jiancha.schemas.flags import Flag, SegmentEvidence
from jiancha.schemas.transcripts import Segment

SAID_CATEGORIES = ("cash_no_receipt", "quota", "verbal_abuse", "threat")

_WHO = {
    "officer": "民警",
    "unknown": "说话人未识别的一方（疑为民警）",
    "civilian": "被语音识别标为群众的一方（措辞只能出自执法一方）",
}


def _join(meanings: Sequence[str]) -> str:
    if len(meanings) <= 1:
        return "".join(meanings)
    return "、".join(meanings[:-1]) + "且" + meanings[-1]


def _quote(text: str, limit: int = 40) -> str:
    text = text.strip().rstrip("。！？!?.，,")
    return text if len(text) <= limit else text[: limit - 1] + "…"


_FRAMES_BY_LEXICON: dict[int, tuple[Lexicon, Frames]] = {}


def frames_for(lexicon: Lexicon | None = None) -> Frames:
    """The packaged frames, with ``lexicon`` as their word signal (default: the packaged one)."""
    if lexicon is None:
        return load_frames()
    if id(lexicon) not in _FRAMES_BY_LEXICON:
        if len(_FRAMES_BY_LEXICON) >= 8:
            _FRAMES_BY_LEXICON.clear()
        _FRAMES_BY_LEXICON[id(lexicon)] = (lexicon, Frames.load(None, lexicon))
    return _FRAMES_BY_LEXICON[id(lexicon)][1]


def said(e: Encounter, category: str, lexicon: Lexicon | None = None) -> list[Flag]:
    """One flag per recording in which the act ``category`` was performed by someone its frame
    believes (see :data:`~analyzers.lexicon.TRUSTED`), with each such segment as evidence."""
    lex = lexicon or load_lexicon()
    frames = frames_for(lexicon)
    flags: list[Flag] = []
    for r in e.recordings:
        t = e.transcripts.get(r.recording_id)
        if t is None:
            continue
        found: list[tuple[Segment, list[Act]]] = []
        for seg in t.segments:
            acts = [
                a
                for a in frames.acts(seg.text, seg.speaker)
                if a.act == category and a.believed_from(seg.speaker)
            ]
            if acts:
                found.append((seg, acts))
        # an utterance cut off by the civilian and taken up again (…—— / ——…): read as one
        segments = list(t.segments)
        for i, j, who, text in resumed([(g.speaker, g.text) for g in segments]):
            if any(s is segments[i] or s is segments[j] for s, _ in found):
                continue
            acts = [a for a in frames.acts(text, who) if a.act == category and a.believed_from(who)]
            if acts:
                first, second = segments[i], segments[j]
                joined = first.model_copy(update={"end": second.end, "text": text, "speaker": who})
                found.append((joined, acts))
        if not found:
            continue
        found.sort(key=lambda f: f[0].start)
        seg, acts = found[0]
        meanings = list(dict.fromkeys(a.meaning for a in acts))
        why = (
            f"{_WHO[seg.speaker]}在 {seg.start:.1f} 秒处{_join(meanings)}"
            f"（“{_quote(seg.text)}”）（{lex.laws.get(category, CATEGORIES[category].law)}）"
        )
        if len(found) > 1:
            why += f"；同一录音另有 {len(found) - 1} 处"
        evidence = [
            SegmentEvidence(recording_id=r.recording_id, start=s.start, end=s.end, excerpt=s.text)
            for s, _ in found
        ]
        flags.append(
            encounter_flag(category, e, why + "。", evidence, recording_ids=[r.recording_id])
        )
    return flags


def cash_no_receipt(e: Encounter, lexicon: Lexicon | None = None) -> list[Flag]:
    """Cash or a personal transfer asked for, the receipt waived, 私了 offered (行政处罚法 arts.
    68/70, 道交法 art. 108)."""
    return said(e, "cash_no_receipt", lexicon)


def quota(e: Encounter, lexicon: Lexicon | None = None) -> list[Flag]:
    """Fine quotas or targets spoken of (道交法 art. 86)."""
    return said(e, "quota", lexicon)


def verbal_abuse(e: Encounter, lexicon: Lexicon | None = None) -> list[Flag]:
    """Insults by the officer, not by the civilian (人民警察法 art. 22, 文明执法规范)."""
    return said(e, "verbal_abuse", lexicon)


def threat(e: Encounter, lexicon: Lexicon | None = None) -> list[Flag]:
    """Intimidation by the officer; a lawful notice of a measure is not one (人民警察法 art. 22)."""
    return said(e, "threat", lexicon)


def procedure_missing(e: Encounter, lexicon: Lexicon | None = None) -> list[Flag]:
    """A penalty whose recordings hold neither 表明身份 nor the notice of 陈述申辩 (行政处罚法
    arts. 44/45).

    Identification and the rights notice are recognised as acts (:mod:`analyzers.frames`: 我是开发区
    中队的, 交巡警二大队, 这是我的证件; 不服可以复议), the lexicon's words of procedure still
    count. Anyone's words count here, whatever the speaker label: an absence must not be claimed
    because speech recognition gave the officer's sentence to the civilian.
    """
    lex = lexicon or load_lexicon()
    frames = frames_for(lexicon)
    a = e.action
    if a is None or (a.measures.fine_cny <= 0 and a.measures.points <= 0):
        return []
    heard = [(rid, t) for rid, t in e.transcripts.items() if t.segments]
    if not heard:
        return []
    if not (lex.identification or lex.notice or frames.frames):  # nothing to judge by
        return []
    if any(
        lex.procedural(s.text)
        or any(a.act in ("identification", "rights_notice") for a in frames.acts(s.text))
        for _, t in heard
        for s in t.segments
    ):
        return []
    segments = [(rid, s) for rid, t in heard for s in t.segments]
    officer = [(rid, s) for rid, s in segments if s.speaker == "officer"] or segments
    penalty = "、".join(
        p
        for p in (
            f"罚款{a.measures.fine_cny}元" if a.measures.fine_cny > 0 else "",
            f"记{a.measures.points}分" if a.measures.points > 0 else "",
        )
        if p
    )
    quoted = "".join(f"“{_quote(s.text, 20)}”" for _, s in officer[:3])
    why = (
        f"{a.action_id}（{penalty}）的执法录音里民警只说了{quoted}，既未表明执法身份，"
        f"也未告知当事人陈述、申辩的权利（{lex.procedure_law}）。"
    )
    evidence = [
        SegmentEvidence(recording_id=rid, start=s.start, end=s.end, excerpt=s.text)
        for rid, s in officer[:3]
    ]
    return [
        encounter_flag(
            "procedure_missing", e, why, evidence, recording_ids=[rid for rid, _ in heard]
        )
    ]


def transcript_flags(e: Encounter, lexicon: Lexicon | None = None) -> list[Flag]:
    """All transcript rules on one encounter."""
    lex = lexicon or load_lexicon()
    flags: list[Flag] = []
    for rule in (cash_no_receipt, quota, verbal_abuse, threat, procedure_missing):
        flags += rule(e, lex)
    return flags
