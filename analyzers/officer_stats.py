"""Officer-level statistics: out-of-town targeting and month-end spikes (逐利执法 at officer level).

Both categories judge an officer's **month** of enforcement records, never one ticket. They are
the statistical side of 公安部's 逐利执法专项整治 (profit-driven enforcement) and of
道路交通安全法第86条 (no fine quotas or targets may be set for traffic police): an officer chasing a
quota writes more at month end; one chasing fines picks the out-of-town vehicles least likely to
contest them.

What counts as a ticket. Every enforcement record counts, warnings included: a 警告 is itself an
administrative penalty (行政处罚法第9条) and counts in the 查处量 a quota is set on; and both
statistics are about whom and when an officer chooses to stop. Counting only monetary penalties
would confound both tests with the correct-only policy (节日期间外地车辆轻微违法只纠正不处罚): it
turns out-of-town minor violations into warnings on the policy's days only (the 1st-20th in
eval-dev), so a penalty-only count is lower for out-of-town plates and for the early month, by an
amount that depends on each officer's violation mix (eval-dev: the detachment's month-end share
is 18.0 % of all records but 19.5 % of penalties).

**out_of_town_targeting.** An officer's share of out-of-town plates among his plated records
against his peers'. "Local" is the detachment's plate code, configuration
(:attr:`StatsConfig.local_region`, default 鲁R for Heze); :func:`infer_local_region` (the commonest
plate region) is only a fallback, since a highway squad may meet more out-of-town cars than local
ones. Peers are the other officers of **his squad**: a squad works one beat, and the share of
out-of-town traffic differs by beat (a highway squad sees far more than a downtown one), so the
detachment as reference would flag the highway squad for its road. When the squad's other
officers have too few plated records (:attr:`StatsConfig.min_peer_plated`) the rest of the
detachment is the reference. Test: one-sided Fisher exact test (hypergeometric tail) of the
officer against his pooled peers, exact at small counts and honest about the peers' own sampling
noise.

**month_end_spike.** An officer's records in the last days of the local (Asia/Shanghai)
calendar month against his own baseline. The null is that he writes at a constant rate per day
**he works**, scaled by the detachment's volume of that day (weather, checkpoints, holidays).
The expected month-end share ``p0`` is the larger of (a) the share of his active days that fall
at month end and (b) the same weighted by the other officers' volume of those days: the larger
(more conservative) one, so that neither a detachment-wide busy month end nor a holiday the
others took and he did not makes a lawful officer look spiky. Counting his active days, not the
calendar's, keeps officers on shifts (eval-dev officers work ~18 days of 30) and an officer back
from leave in the third week from looking spiky. Test: exact one-sided binomial tail of his
month-end count given his month's total (conservative here: each active day has at least one
record). The window is scanned, the last 3, 5 and 7 days (:attr:`StatsConfig.month_end_windows`:
quota pressure may bite in the last three days or the last week), keeping the smallest p times
the number of windows (Bonferroni). A month is judged as given: the caller judges it once over.

Both tests: a minimum sample (:attr:`StatsConfig.min_plated` plated, :attr:`StatsConfig.min_tickets`
records; the auxiliaries' handful of records never qualify), a multiplicity correction over the
officers tested that month (Benjamini-Hochberg at :attr:`StatsConfig.fdr` by default: it bounds
the expected share of false flags among the flags, which is the reviewers' cost, and is a
family-wise test when nobody is guilty; Holm and Bonferroni are selectable), and an effect-size
floor so a large sample never flags a trivial difference. Only the standard library's
:mod:`math` is used (exact tails summed in log space with :func:`math.lgamma`).

Measured (default config): eval-dev flags exactly its two labelled officers (MU661913 p≈2e-17,
KA692921 p≈1e-7; the strongest lawful officers p=0.11 and p=0.24, and below the effect floors).
On ``jiancha.synthetic.month`` months (2 % of officers planted per pattern): no false flag with
800 officers (a 31-day and a 28-day month; 61 of 64 planted found); with 4,000 officers 2 false
out-of-town flags among 80 (within BH's 5 %), none at month end, 156 of 160 planted found. The
misses are a planted officer just under the minimum sample and weak spikes of light writers.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any, Literal

from analyzers.model import make_flag
from jiancha.clock import BEIJING
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import FieldEvidence, Flag

LOCAL_REGION = "鲁R"  # Heze (菏泽) plate code


@dataclass(frozen=True)
class StatsConfig:
    """Thresholds of the officer-level statistics (configuration, not law)."""

    local_region: str | None = LOCAL_REGION  # None: infer (commonest plate region) in flags_for
    tz: tzinfo = BEIJING  # calendar months and days are local
    correction: Literal["bh", "holm", "bonferroni"] = "bh"  # over the officers tested in the month
    fdr: float = 0.05  # BH false-discovery rate, or the Holm / Bonferroni family-wise level
    # out_of_town_targeting
    min_plated: int = 30  # plated records of the officer in the month
    min_peer_plated: int = 100  # below this, the squad's peers give way to the detachment
    min_share_ratio: float = 1.5  # his share >= 1.5x the peers'
    min_share_excess: float = 0.20  # ... and >= 20 percentage points above it
    # month_end_spike
    # month-end windows scanned (the last 3, 5 and 7 days); the best is taken, Bonferroni over them
    month_end_windows: tuple[int, ...] = (3, 5, 7)
    min_tickets: int = 30  # records of the officer in the month
    min_rate_ratio: float = 1.5  # month-end share >= 1.5x the expected share


DEFAULT = StatsConfig()


# -- counters ------------------------------------------------------------------------------------


def local_date(a: EnforcementAction, tz: tzinfo = BEIJING) -> tuple[str, int]:
    """Local calendar month ``YYYY-MM`` and day of month of ``a.occurred_at``."""
    t = a.occurred_at.astimezone(tz)
    return f"{t.year:04d}-{t.month:02d}", t.day


def month_of(a: EnforcementAction, tz: tzinfo = BEIJING) -> str:
    """Local calendar month ``YYYY-MM`` of ``a.occurred_at`` (Asia/Shanghai)."""
    return local_date(a, tz)[0]


def days_in(month: str) -> int:
    """Days of the calendar month ``YYYY-MM``."""
    year, mon = (int(p) for p in month.split("-"))
    return calendar.monthrange(year, mon)[1]


@dataclass
class OfficerMonth:
    """An officer's tickets in one calendar month, as counters (built incrementally, serialisable).

    :meth:`add` is not idempotent: the caller adds each action once (latest version by
    ``action_id``).
    """

    officer_id: str
    squad_id: str
    month: str  # "2026-04", local calendar month
    tickets: int = 0
    plated: int = 0
    out_of_town: int = 0
    by_day: dict[int, int] = field(default_factory=dict)  # day of month -> tickets

    def add(
        self, a: EnforcementAction, local_region: str = LOCAL_REGION, tz: tzinfo = BEIJING
    ) -> None:
        """Count one enforcement record of this officer and month (warnings included)."""
        _, day = local_date(a, tz)
        self.squad_id = a.squad_id  # the latest squad, should he move
        self.tickets += 1
        self.by_day[day] = self.by_day.get(day, 0) + 1
        if a.plate_region:
            self.plated += 1
            self.out_of_town += a.plate_region != local_region

    def month_end_count(self, days: int) -> int:
        """Tickets in the last ``days`` days of the month."""
        first = days_in(self.month) - days + 1
        return sum(n for d, n in self.by_day.items() if d >= first)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (day keys as strings)."""
        return {
            "officer_id": self.officer_id,
            "squad_id": self.squad_id,
            "month": self.month,
            "tickets": self.tickets,
            "plated": self.plated,
            "out_of_town": self.out_of_town,
            "by_day": {str(d): n for d, n in sorted(self.by_day.items())},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OfficerMonth:
        """Inverse of :meth:`to_dict` (also accepts integer day keys)."""
        return cls(
            officer_id=d["officer_id"],
            squad_id=d["squad_id"],
            month=d["month"],
            tickets=int(d.get("tickets", 0)),
            plated=int(d.get("plated", 0)),
            out_of_town=int(d.get("out_of_town", 0)),
            by_day={int(k): int(v) for k, v in d.get("by_day", {}).items()},
        )


def infer_local_region(actions: Iterable[EnforcementAction]) -> str | None:
    """The commonest plate region of ``actions`` (a fallback: configure the region instead)."""
    counts = Counter(a.plate_region for a in actions if a.plate_region)
    return counts.most_common(1)[0][0] if counts else None


def summarise(
    actions: Iterable[EnforcementAction], config: StatsConfig | None = None
) -> dict[tuple[str, str], OfficerMonth]:
    """(officer_id, month) -> counters of ``actions`` (each ``action_id`` counted once)."""
    cfg = config or DEFAULT
    latest: dict[str, EnforcementAction] = {}
    for a in actions:
        latest[a.action_id] = a
    region = cfg.local_region or infer_local_region(latest.values()) or LOCAL_REGION
    out: dict[tuple[str, str], OfficerMonth] = {}
    for a in latest.values():
        month = month_of(a, cfg.tz)
        key = (a.officer_id, month)
        om = out.get(key)
        if om is None:
            om = out[key] = OfficerMonth(a.officer_id, a.squad_id, month)
        om.add(a, region, cfg.tz)
    return out


# -- exact tails (stdlib only) -------------------------------------------------------------------


def _log_sum_exp(terms: list[float]) -> float:
    top = max(terms)
    return top + math.log(sum(math.exp(t - top) for t in terms))


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def binomial_sf(x: int, n: int, p: float) -> float:
    """P(X >= x) for X ~ Binomial(n, p), summed exactly in log space."""
    if x <= 0:
        return 1.0
    if x > n or p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    lp, lq = math.log(p), math.log1p(-p)
    terms = [_log_choose(n, k) + k * lp + (n - k) * lq for k in range(x, n + 1)]
    return min(1.0, math.exp(_log_sum_exp(terms)))


def fisher_greater(x: int, n: int, y: int, m: int) -> float:
    """One-sided Fisher exact p: is x/n greater than y/m? P(X >= x), X hypergeometric."""
    total, successes = n + m, x + y
    lo, hi = max(x, successes - m), min(n, successes)
    if lo > hi:
        return 1.0
    denom = _log_choose(total, n)
    terms = [
        _log_choose(successes, k) + _log_choose(total - successes, n - k) - denom
        for k in range(lo, hi + 1)
    ]
    return min(1.0, math.exp(_log_sum_exp(terms)))


def rejected(p_values: dict[str, float], level: float, method: str = "bh") -> set[str]:
    """Keys whose hypothesis is rejected at ``level`` over the whole family (BH or Bonferroni)."""
    m = len(p_values)
    if m == 0:
        return set()
    if method == "bonferroni":
        return {k for k, p in p_values.items() if p <= level / m}
    ranked = sorted(p_values.items(), key=lambda kv: kv[1])
    if method == "holm":  # step-down: stop at the first that fails level / (m - i + 1)
        out = set()
        for i, (k, p) in enumerate(ranked):
            if p > level / (m - i):
                break
            out.add(k)
        return out
    cut = 0
    for i, (_, p) in enumerate(ranked, start=1):
        if p <= level * i / m:
            cut = i
    return {k for k, _ in ranked[:cut]}


# -- the tests -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutOfTownTest:
    """One officer's out-of-town share against his peers in one month."""

    officer: OfficerMonth
    peer_group: Literal["squad", "detachment"]
    peer_out_of_town: int
    peer_plated: int
    p_value: float

    @property
    def share(self) -> float:
        return self.officer.out_of_town / self.officer.plated

    @property
    def peer_share(self) -> float:
        return self.peer_out_of_town / self.peer_plated if self.peer_plated else 0.0

    def large_enough(self, cfg: StatsConfig) -> bool:
        """The effect-size floor: a ratio and an absolute excess over the peers."""
        return (
            self.share >= cfg.min_share_ratio * self.peer_share
            and self.share - self.peer_share >= cfg.min_share_excess
        )


@dataclass(frozen=True)
class MonthEndTest:
    """One officer's month-end count against his own active-day baseline in one month."""

    officer: OfficerMonth
    first_day: int  # first day of the month-end window
    count: int  # tickets in the window
    active_end: int  # days in the window he wrote tickets
    active_rest: int  # days before it he wrote tickets
    expected_share: float  # p0 of the binomial test
    p_value: float

    @property
    def share(self) -> float:
        return self.count / self.officer.tickets

    @property
    def rate_ratio(self) -> float:
        """His daily rate on active month-end days over his daily rate on the other active days."""
        rest = self.officer.tickets - self.count
        if not self.active_end or not rest:
            return math.inf
        return (self.count / self.active_end) / (rest / self.active_rest)

    def large_enough(self, cfg: StatsConfig) -> bool:
        """The effect-size floor: month-end share at least ``min_rate_ratio`` x expected."""
        return self.share >= cfg.min_rate_ratio * self.expected_share


def _of_month(months: Iterable[OfficerMonth], month: str) -> list[OfficerMonth]:
    return [om for om in months if om.month == month]


def out_of_town_tests(
    months: Iterable[OfficerMonth], month: str, config: StatsConfig | None = None
) -> list[OutOfTownTest]:
    """The Fisher test of every officer of ``month`` with enough plated records."""
    cfg = config or DEFAULT
    oms = _of_month(months, month)
    all_oot = sum(om.out_of_town for om in oms)
    all_plated = sum(om.plated for om in oms)
    squad_oot: dict[str, int] = defaultdict(int)
    squad_plated: dict[str, int] = defaultdict(int)
    for om in oms:
        squad_oot[om.squad_id] += om.out_of_town
        squad_plated[om.squad_id] += om.plated
    tests = []
    for om in oms:
        if om.plated < cfg.min_plated:
            continue
        group: Literal["squad", "detachment"] = "squad"
        y = squad_oot[om.squad_id] - om.out_of_town
        m = squad_plated[om.squad_id] - om.plated
        if m < cfg.min_peer_plated:
            group, y, m = "detachment", all_oot - om.out_of_town, all_plated - om.plated
        if m == 0:
            continue  # nobody to compare with
        p = fisher_greater(om.out_of_town, om.plated, y, m)
        tests.append(OutOfTownTest(om, group, y, m, p))
    return tests


def _window_test(
    om: OfficerMonth, first: int, volume: Counter[int]
) -> tuple[int, int, int, float, float] | None:
    """(count, active_end, active_rest, p0, p) of the window from day ``first``, or None."""
    active = [d for d, n in om.by_day.items() if n > 0]
    end = [d for d in active if d >= first]
    rest = [d for d in active if d < first]
    if not end or not rest:
        return None  # nothing at month end, or no baseline to compare with
    p0 = len(end) / len(active)
    # the other officers' volume on each of his active days
    peers = {d: volume[d] - om.by_day[d] for d in active}
    if sum(peers.values()) > 0:
        p0 = max(p0, sum(peers[d] for d in end) / sum(peers.values()))
    count = sum(om.by_day[d] for d in end)
    return count, len(end), len(rest), p0, binomial_sf(count, om.tickets, p0)


def month_end_tests(
    months: Iterable[OfficerMonth], month: str, config: StatsConfig | None = None
) -> list[MonthEndTest]:
    """The binomial test of every officer of ``month`` with enough records.

    Each window of :attr:`StatsConfig.month_end_windows` is tested; the officer's p-value is the
    smallest, times the number of windows (Bonferroni: the pressure of a quota may bite in the
    last three days or the last week, and we do not know which beforehand).
    """
    cfg = config or DEFAULT
    oms = _of_month(months, month)
    n_days = days_in(month)
    volume: Counter[int] = Counter()
    for om in oms:
        volume.update(om.by_day)
    tests = []
    for om in oms:
        if om.tickets < cfg.min_tickets:
            continue
        best: MonthEndTest | None = None
        for w in cfg.month_end_windows:
            first = n_days - w + 1
            r = _window_test(om, first, volume)
            if r is None:
                continue
            count, active_end, active_rest, p0, p = r
            p = min(1.0, p * len(cfg.month_end_windows))
            if best is None or p < best.p_value:
                best = MonthEndTest(om, first, count, active_end, active_rest, p0, p)
        if best is not None:
            tests.append(best)
    return tests


# -- flags ---------------------------------------------------------------------------------------


def _p_text(p: float) -> str:
    return "p<0.001" if p < 0.001 else f"p={p:.3f}"


def _month_text(month: str) -> str:
    year, mon = month.split("-")
    return f"{year}年{int(mon)}月"


def _stat(field_name: str, value: str | int | float) -> FieldEvidence:
    # An officer-level finding rests on no single record: FieldEvidence requires an action_id,
    # and the empty string (allowed by the v1 schema) says "a statistic of the officer's month"
    # without pointing a reviewer at an arbitrary ticket.
    return FieldEvidence(action_id="", field=field_name, value=value)


def _officer_flag(
    category: str, om: OfficerMonth, explanation: str, evidence: list[FieldEvidence]
) -> Flag:
    flag = make_flag(
        category,
        officer_id=om.officer_id,
        squad_id=om.squad_id,
        explanation=explanation,
        evidence=evidence,
    )
    # make_flag names the officer alone; the month keeps each month's flag distinct and stable.
    return flag.model_copy(update={"flag_id": f"{category}:{om.officer_id}:{om.month}"})


def _out_of_town_flag(t: OutOfTownTest) -> Flag:
    om = t.officer
    peers = "同中队其他民警" if t.peer_group == "squad" else "全大队其他民警"
    why = (
        f"{_month_text(om.month)}该民警有号牌的执法记录中外地车占 {t.share:.0%}"
        f"（{om.out_of_town}/{om.plated}），{peers}同期为 {t.peer_share:.0%}"
        f"（{t.peer_out_of_town}/{t.peer_plated}），显著偏高（{_p_text(t.p_value)}），"
        "疑似针对外地车辆执法，建议调阅其执法记录和录像核查。"
    )
    evidence = [
        _stat("month", om.month),
        _stat("out_of_town", om.out_of_town),
        _stat("plated", om.plated),
        _stat("out_of_town_share", round(t.share, 4)),
        _stat("peer_group", t.peer_group),
        _stat("peer_share", round(t.peer_share, 4)),
        _stat("p_value", t.p_value),
    ]
    return _officer_flag("out_of_town_targeting", om, why, evidence)


def _month_end_flag(t: MonthEndTest) -> Flag:
    om = t.officer
    last = days_in(om.month)
    rest = om.tickets - t.count
    why = (
        f"{_month_text(om.month)}该民警在月末{last - t.first_day + 1}天（{t.first_day}–{last}日）"
        f"开具 {t.count} 单，占当月 {om.tickets} 单的 {t.share:.0%}；月末出勤日日均 "
        f"{t.count / t.active_end:.1f} 单，是当月其余出勤日日均 {rest / t.active_rest:.1f} 单的 "
        f"{t.rate_ratio:.1f} 倍，按其出勤天数和全大队同期执法量应约为 {t.expected_share:.0%}"
        f"（{_p_text(t.p_value)}），疑似月末突击执法（道交法第86条禁止罚款指标）。"
    )
    evidence = [
        _stat("month", om.month),
        _stat("window_first_day", t.first_day),
        _stat("month_end_tickets", t.count),
        _stat("tickets", om.tickets),
        _stat("month_end_share", round(t.share, 4)),
        _stat("expected_share", round(t.expected_share, 4)),
        _stat("rate_ratio", round(t.rate_ratio, 3)),
        _stat("p_value", t.p_value),
    ]
    return _officer_flag("month_end_spike", om, why, evidence)


def month_flags(
    months: Iterable[OfficerMonth], month: str, config: StatsConfig | None = None
) -> list[Flag]:
    """All officer-level flags of ``month``; judge a month only once it is over."""
    cfg = config or DEFAULT
    oms = _of_month(months, month)
    flags: list[Flag] = []
    oot = out_of_town_tests(oms, month, cfg)
    keep = rejected({t.officer.officer_id: t.p_value for t in oot}, cfg.fdr, cfg.correction)
    flags += [
        _out_of_town_flag(t) for t in oot if t.officer.officer_id in keep and t.large_enough(cfg)
    ]
    end = month_end_tests(oms, month, cfg)
    keep = rejected({t.officer.officer_id: t.p_value for t in end}, cfg.fdr, cfg.correction)
    flags += [
        _month_end_flag(t) for t in end if t.officer.officer_id in keep and t.large_enough(cfg)
    ]
    return flags


def flags_for(
    actions: Sequence[EnforcementAction], config: StatsConfig | None = None
) -> list[Flag]:
    """Every month present in ``actions``: :func:`summarise` then :func:`month_flags`."""
    summary = summarise(actions, config)
    by_month: dict[str, list[OfficerMonth]] = defaultdict(list)
    for om in summary.values():
        by_month[om.month].append(om)
    return [f for month in sorted(by_month) for f in month_flags(by_month[month], month, config)]
