"""The spot-check desk (抽查): plans, the draw, outcomes and publication, free of any web framework.

Each change is checked against the projected plan with the pure rules
(:mod:`streams.spotchecks.plans`), audited, published to ``spot-checks`` (acks=all) and read back
once the worker has folded it (why: :mod:`streams.spotchecks.agents`). The draw is computed here
from the projections of ``enforcement-actions`` and the case builder's ``cases`` (an encounter is
flagged when a case holds its ticket) and recorded whole on the event, so it can be repeated from
the event alone.

A problem found in a sample becomes a flag of rule version ``spot-check-1`` on ``flags``, keyed to
the encounter's case: the case builder makes it a pending case that reviewers confirm or dismiss
like any other, and the bulletin counts such cases as missed by the analyzers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from analyzers.catalogue import CATEGORIES
from analyzers.engine import case_id_of
from jiancha import topics
from jiancha.auth.roles import Caller
from jiancha.clock import Clock, utc_now
from jiancha.elastic.queries import date_range
from jiancha.schemas.flags import CaseContext, FieldEvidence, Flag
from jiancha.schemas.spot_checks import (
    COMPLIANT,
    Goal,
    OutcomeRecorded,
    PlanSet,
    Published,
    Sample,
    SampleDrawn,
    SpotCheckEvent,
    Stratum,
)
from jiancha.settings import Settings
from streams.bulletin.stats import IsoWeek
from streams.review.desk import (
    Audit,
    OrderNotFound,
    Pending,
    Publisher,
    Unavailable,
    actor_of,
    new_event,
    publish_and_wait,
)
from streams.review.orders import outcome
from streams.spotchecks.agents import read_plan
from streams.spotchecks.draw import draw, seed_of
from streams.spotchecks.plans import OUTCOME_CATEGORY, Plan, PlanError, apply, visible_to

#: rule version of the flags a spot check raises: "missed by the analyzers"
SPOT_CHECK_RULE = "spot-check-1"
#: how far a recording may start after, or end before, its ticket and still show the encounter
NEAR = timedelta(minutes=10)
_PAGE = 5000


class SpotCheckDesk:
    """What the spot-check requests share: the projections, Kafka, the audit trail and the clock."""

    def __init__(
        self,
        es: Any,
        aliases: dict[str, str],
        publisher: Publisher,
        audit: Audit,
        settings: Settings,
        clock: Clock = utc_now,
    ) -> None:
        self.es = es
        self.aliases = aliases
        self.alias = aliases["spotchecks"]
        self.publisher = publisher
        self.audit = audit
        self.settings = settings
        self.clock = clock

    # -- reading ---------------------------------------------------------------------------------

    async def visible(self, caller: Caller, plan_id: str) -> Plan:
        """The plan as ``caller`` may see it, else not found (squad leaders: once published)."""
        plan, _ = await read_plan(self.es, self.alias, plan_id)
        shown = visible_to(caller, plan) if plan else None
        if shown is None:
            raise OrderNotFound(f"抽查计划 {plan_id} 不存在")
        return shown

    async def view(self, caller: Caller, plan_id: str) -> Plan:
        """One plan, its viewing audited."""
        plan = await self.visible(caller, plan_id)
        await self.audit(caller, "spotchecks.view", plan_id, None)
        return plan

    async def plans(self, caller: Caller) -> list[Plan]:
        """The plans ``caller`` may see, latest week first."""
        await self.audit(caller, "spotchecks.list", "spotchecks", None)
        found = await self.es.search(
            index=self.alias, query={"match_all": {}}, sort=[{"week": "desc"}], size=200
        )
        shown = [
            visible_to(caller, Plan.model_validate(h["_source"])) for h in found["hits"]["hits"]
        ]
        return [p for p in shown if p is not None]

    # -- changing --------------------------------------------------------------------------------

    async def set_plan(self, caller: Caller, week: str, goals: Sequence[Goal]) -> Plan | Pending:
        """The week's plan: one per ISO week (its id, hence its seed, is fixed by the week)."""
        try:
            IsoWeek.parse(week, self.settings.bulletin_timezone)
        except ValueError as exc:
            raise PlanError("invalid", str(exc)) from exc
        plan_id = f"SC-{week}"
        plan, _ = await read_plan(self.es, self.alias, plan_id)
        actor = actor_of(caller)
        event = new_event(
            PlanSet, self.clock, plan_id=plan_id, seq=1, actor=actor, week=week, goals=goals
        )
        return await self.submit(event, plan, caller, "spotchecks.set")

    async def draw(self, caller: Caller, plan_id: str) -> Plan | Pending:
        """Draw the samples over the week's unflagged encounters of the goals' squads."""
        plan = await self.visible(caller, plan_id)
        # Checked before the (long) population query; the fold checks again.
        if caller.role != "supervisor":
            raise PlanError("forbidden", "只有监查中心负责人可以抽取样本")
        if plan.status != "set":
            raise PlanError("conflict", "该计划已抽取样本，抽样结果不能重抽")
        population = await self.population(plan)
        seed = seed_of(plan.plan_id, plan.week)
        picked = draw(seed, plan.goals, population)
        samples = await self._samples(picked)
        event = self._next(
            SampleDrawn, plan, caller, seed=seed, population=population, samples=samples
        )
        return await self.submit(event, plan, caller, "spotchecks.draw")

    async def record(
        self, caller: Caller, plan_id: str, action_id: str, result: str, text: str | None
    ) -> Plan | Pending:
        """A reviewed sample's outcome; a problem becomes (or stays) a missed-by-analyzers case."""
        plan = await self.visible(caller, plan_id)
        sample = next((s for s in plan.samples if s.action_id == action_id), None)
        problem = result != COMPLIANT
        case_id = case_id_of(action_id) if problem else None
        event = self._next(
            OutcomeRecorded,
            plan,
            caller,
            action_id=action_id,
            outcome=result,
            text=text,
            case_id=case_id,
        )
        done = await self.submit(event, plan, caller, "spotchecks.outcome")
        if sample is not None and (problem or sample.case_id):
            flag = await self._flag(
                plan_id, sample.model_dump(), result, text, withdrawn=not problem
            )
            try:
                await self.publisher.send(topics.FLAGS, flag.key, flag.to_json_bytes())
            except Exception as exc:
                raise Unavailable("结论已记录，但立案消息未送达 Kafka，请重新提交该结论") from exc
        return done

    async def publish(self, caller: Caller, plan_id: str) -> Plan | Pending:
        """The supervisor publishes: each squad leader now sees his squad's outcomes."""
        plan = await self.visible(caller, plan_id)
        return await self.submit(
            self._next(Published, plan, caller), plan, caller, "spotchecks.publish"
        )

    async def submit(
        self, event: SpotCheckEvent, before: Plan | None, caller: Caller, action: str
    ) -> Plan | Pending:
        """Check, audit, publish, wait for the fold: the plan as projected, or Pending."""
        apply(before, event)  # PlanError if refused
        await self.audit(caller, action, event.plan_id, {"event_id": event.event_id})

        async def folded() -> tuple[Plan | None, tuple[bool, str] | None]:
            plan, _ = await read_plan(self.es, self.alias, event.plan_id)
            return plan, outcome(plan, event.event_id)

        timeout = self.settings.order_apply_timeout_s
        done = await publish_and_wait(self.publisher, topics.SPOT_CHECKS, event, timeout, folded)
        if not isinstance(done, Pending):
            await self.es.indices.refresh(index=self.alias)  # the list shows it at once
        return done

    # -- the draw's inputs -----------------------------------------------------------------------

    async def population(self, plan: Plan) -> list[Stratum]:
        """Each officer's unflagged encounters of the week (and his flagged count: the recall)."""
        week = IsoWeek.parse(plan.week, self.settings.bulletin_timezone)
        squads = [g.squad_id for g in plan.goals]
        actions = await self._all(
            self.aliases["actions"],
            [
                {"terms": {"squad_id": squads}},
                date_range("occurred_at", gte=week.start, lt=week.end),
            ],
            ["action_id", "officer_id", "squad_id"],
            "action_id",
        )
        # Cases of the week's tickets (a day's margin: a case's time may be its recording's).
        cases = await self._all(
            self.aliases["cases"],
            [
                {"terms": {"squad_id": squads}},
                date_range(
                    "occurred_at",
                    gte=week.start - timedelta(days=1),
                    lt=week.end + timedelta(days=1),
                ),
            ],
            ["action_ids", "status"],
            "case_id",
        )
        flagged = {a for c in cases for a in c.get("action_ids") or []}
        live = {
            a for c in cases if c.get("status") != "dismissed" for a in c.get("action_ids") or []
        }
        strata: dict[tuple[str, str], list[str]] = defaultdict(list)
        counted: dict[tuple[str, str], int] = defaultdict(int)
        for a in actions:
            key = (a["squad_id"], a["officer_id"])
            if a["action_id"] in flagged:
                counted[key] += a["action_id"] in live
            else:
                strata[key].append(a["action_id"])
        return [
            Stratum(
                squad_id=sq,
                officer_id=o,
                action_ids=sorted(strata[(sq, o)]),
                flagged=counted[(sq, o)],
            )
            for sq, o in sorted(set(strata) | set(counted))
        ]

    async def _samples(self, picked: list[tuple[str, str]]) -> list[Sample]:
        """The drawn tickets with the officer's recordings around each (what reviewers watch)."""
        if not picked:
            return []
        ids = [a for _, a in picked]
        found = await self.es.mget(index=self.aliases["actions"], ids=ids)
        samples = []
        for doc in found["docs"]:
            a = doc["_source"]
            at = a["occurred_at"]
            clips = await self.es.search(
                index=self.aliases["clips"],
                query={
                    "bool": {
                        "filter": [
                            {"term": {"officer_ids": a["officer_id"]}},
                            {"range": {"started_at": {"lte": f"{at}||+10m"}}},
                            {"range": {"ended_at": {"gte": f"{at}||-10m"}}},
                        ]
                    }
                },
                sort=[{"started_at": "asc"}],
                size=10,
                source=["recording_id"],
            )
            samples.append(
                Sample(
                    action_id=a["action_id"],
                    officer_id=a["officer_id"],
                    squad_id=a["squad_id"],
                    occurred_at=at,
                    recording_ids=[h["_source"]["recording_id"] for h in clips["hits"]["hits"]],
                )
            )
        return samples

    async def _all(
        self, index: str, filters: list[dict[str, Any]], fields: list[str], key: str
    ) -> list[dict[str, Any]]:
        """Every matching document's ``fields`` (``search_after`` pages on ``key``)."""
        out: list[dict[str, Any]] = []
        after: list[Any] | None = None
        while True:
            page = await self.es.search(
                index=index,
                query={"bool": {"filter": filters}},
                sort=[{key: "asc"}],
                size=_PAGE,
                source=fields,
                **({"search_after": after} if after else {}),
            )
            hits = page["hits"]["hits"]
            out.extend(h["_source"] for h in hits)
            if len(hits) < _PAGE:
                return out
            after = hits[-1]["sort"]

    async def _flag(
        self, plan_id: str, sample: dict[str, Any], result: str, text: str | None, withdrawn: bool
    ) -> Flag:
        """The flag a problem found in ``sample`` raises (withdrawn when it was found compliant)."""
        category = CATEGORIES[OUTCOME_CATEGORY.get(result, "spot_check_other")]
        found = await self.es.options(ignore_status=404).get(
            index=self.aliases["actions"], id=sample["action_id"]
        )
        a = found.body.get("_source") or sample  # the sample knows officer, squad and time
        said = f"：{text.strip()}" if text and text.strip() else ""
        return Flag.model_validate(
            {
                "flag_id": f"{plan_id}:{sample['action_id']}",
                "category": category.name,
                "class": category.class_,
                "severity": category.severity,
                "officer_id": sample["officer_id"],
                "squad_id": sample["squad_id"],
                "action_ids": [sample["action_id"]],
                "recording_ids": sample["recording_ids"],
                "evidence": [
                    FieldEvidence(action_id=sample["action_id"], field="抽查结论", value=result)
                ],
                "explanation": f"随机抽查发现、分析器未标记的问题（{plan_id}）：{result}{said}",
                "rule_version": SPOT_CHECK_RULE,
                "case_id": case_id_of(sample["action_id"]),
                "withdrawn": withdrawn,
                "case": CaseContext(
                    officer_id=a["officer_id"],
                    squad_id=a["squad_id"],
                    occurred_at=a["occurred_at"],
                    plate=a.get("plate"),
                    violation_type=a.get("violation_type"),
                    co_officer_ids=a.get("co_officer_ids") or [],
                ),
            }
        )

    # -- helpers ---------------------------------------------------------------------------------

    def _next(self, event_type: type, plan: Plan, caller: Caller, **fields: Any) -> Any:
        """An event of ``caller`` on ``plan``, built on its current version."""
        return new_event(
            event_type,
            self.clock,
            plan_id=plan.plan_id,
            seq=plan.version + 1,
            actor=actor_of(caller),
            **fields,
        )
