"""规范执法示例: encounters that show how it should be done, for praise as well as reprimand.

Research on body-camera language (Aurora: unprofessional language −57 %, −67 % with supervisor
feedback) found that feedback and praise change behaviour, not only reprimand; issue 18 asks the
bulletin's 典型案例 to show good enforcement too. An encounter's recording is judged on four
steps, each an act recognised in what the officer said (:mod:`analyzers.frames`, homophones and
negation handled there):

- **identification** (表明身份, 行政处罚法第55条 / 人民警察法): 我是开发区中队民警, 出示证件;
- **rights notice** (告知陈述、申辩权利, 行政处罚法第44、45条);
- **calm under abuse**: the civilian insults or threatens and the officer neither insults nor
  threatens back (人民警察法第22条; 文明执法规范);
- **lawful measure explained**: the officer names the legal basis of the measure (依据《道路交通
  安全法》第九十条). Telling where to pay (银行或交管12123缴纳) does not count: on eval-dev it is
  in four of five penalties, routine, not an example.

An example has both procedural steps and at least one of the other two, and no flag at all
(the caller passes the encounter only if nothing was flagged). The quotes are the officer's own
segments, for the bulletin to mask like every excerpt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from analyzers.frames import Frames, load_frames

STEPS = {
    "identification": "表明执法身份",
    "rights_notice": "告知陈述申辩权利",
    "calm_under_abuse": "面对辱骂保持克制",
    "measure_explained": "说明处罚的法律依据",
}
_BASIS = re.compile(r"(依据|根据|按照|依照|违反了?).{0,16}(法|条例|规定|第.{1,4}条)")
_HOSTILE = ("verbal_abuse", "threat")


@dataclass(frozen=True)
class Segment:
    """One transcript segment of a recording (seconds from its start)."""

    recording_id: str
    start: float
    end: float
    speaker: str
    text: str


@dataclass
class GoodPractice:
    """The steps an encounter shows and the quotes that show them."""

    steps: list[str] = field(default_factory=list)
    quotes: list[Segment] = field(default_factory=list)

    @property
    def exemplary(self) -> bool:
        """Both procedural steps and calm or an explained measure."""
        s = set(self.steps)
        return {"identification", "rights_notice"} <= s and bool(
            s & {"calm_under_abuse", "measure_explained"}
        )

    @property
    def labels(self) -> list[str]:
        return [STEPS[s] for s in self.steps]

    @property
    def explanation(self) -> str:
        return "民警" + "、".join(self.labels) + "，执法规范，可供学习。"


def judge(segments: Sequence[Segment], frames: Frames | None = None) -> GoodPractice:
    """The good steps of one encounter's segments."""
    fr = frames or load_frames()
    out = GoodPractice()
    seen: dict[str, Segment] = {}
    abused = hostile_officer = False
    for s in segments:
        acts = {a.act for a in fr.acts(s.text, s.speaker)}
        if s.speaker == "civilian":
            abused = abused or bool(acts & set(_HOSTILE))
            continue
        if s.speaker != "officer":
            continue
        if abused:  # his first words after the abuse
            seen.setdefault("calm_under_abuse", s)
        hostile_officer = hostile_officer or bool(acts & set(_HOSTILE))
        for step in ("identification", "rights_notice"):
            if step in acts:
                seen.setdefault(step, s)
        if _BASIS.search(s.text):
            seen.setdefault("measure_explained", s)
    if hostile_officer:
        return out
    out.steps = [k for k in STEPS if k in seen]
    quotes = {id(q): q for q in (seen[k] for k in out.steps)}
    out.quotes = sorted(quotes.values(), key=lambda q: (q.recording_id, q.start))
    return out


def examples(
    encounters: Iterable[tuple[str, Sequence[Segment]]], n: int, frames: Frames | None = None
) -> list[tuple[str, GoodPractice]]:
    """The ``n`` best exemplary encounters (most steps first, then by key)."""
    judged = [(key, judge(segs, frames)) for key, segs in encounters]
    good = [(k, g) for k, g in judged if g.exemplary]
    good.sort(key=lambda kg: (-len(kg[1].steps), kg[0]))
    return good[:n]
