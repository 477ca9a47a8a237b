"""Where bulletins live: files content-addressed under the data directory, one ``bulletins``
document per ISO week holding its numbers (期号, 总期号) and the files' hashes.

A week's numbers are given once, at its first compilation, and kept: recompiling a week gives the
same 期号 and 总期号. The first compilation claims the week with ``op_type=create``, so two
compilers racing on one week agree on the winner's numbers.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from streams.bulletin.stats import IsoWeek
from streams.bulletin.weeks import voided_id

KINDS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


@dataclass(frozen=True)
class Numbers:
    year: int
    issue_no: int  # 期号: within the (ISO) year
    total_no: int  # 总期号: since the first issue
    issued_on: datetime


class VoidedMeanwhile(RuntimeError):
    """A compilation whose week was voided before it could be saved (nothing is saved)."""


class BulletinStore:
    """The ``bulletins`` index and the files it points to."""

    def __init__(self, es: Any, alias: str, root: Path) -> None:
        self.es = es
        self.alias = alias
        self.root = root

    def get(self, week: str) -> dict[str, Any] | None:
        res = self.es.options(ignore_status=404).get(index=self.alias, id=week)
        return res["_source"] if res.get("found") else None  # type: ignore[no-any-return]

    def numbers(self, week: IsoWeek, unit: str, now: datetime, total_base: int = 0) -> Numbers:
        """The week's numbers: kept if it was compiled before, else the next ones."""
        from elasticsearch import ConflictError

        doc = self.get(str(week))
        if doc is None:
            self.es.indices.refresh(index=self.alias)
            res = self.es.search(
                index=self.alias,
                size=0,
                aggs={
                    "total": {"max": {"field": "total_no"}},
                    "year": {
                        "filter": {"term": {"year": week.year}},
                        "aggs": {"issue": {"max": {"field": "issue_no"}}},
                    },
                },
            )["aggregations"]
            claim: dict[str, Any] = {
                "week": str(week),
                "year": week.year,
                "issue_no": int(res["year"]["issue"]["value"] or 0) + 1,
                "total_no": max(int(res["total"]["value"] or 0), total_base) + 1,
                "unit": unit,
                "issued_on": now.isoformat(),
                "period_start": week.start.isoformat(),
                "period_end": week.end.isoformat(),
                "compilations": 0,
            }
            try:
                self.es.create(index=self.alias, id=str(week), document=claim, refresh=True)
                doc = claim
            except ConflictError:
                doc = self.get(str(week))
                assert doc is not None
        return Numbers(
            doc["year"], doc["issue_no"], doc["total_no"], datetime.fromisoformat(doc["issued_on"])
        )

    def put_file(self, content: bytes, kind: str) -> str:
        """Store ``content`` under its SHA-256 (written once, atomically); returns the hash."""
        sha = hashlib.sha256(content).hexdigest()
        path = self.path(sha, kind)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(content)
            tmp.replace(path)
        return sha

    def path(self, sha: str, kind: str) -> Path:
        return self.root / sha[:2] / f"{sha}.{kind}"

    def save(self, week: str, fields: dict[str, Any], numbers: Numbers) -> dict[str, Any]:
        """Record a compilation of ``week`` rendered with ``numbers``; returns the document.

        Refused (:class:`VoidedMeanwhile`) when the week's issue was voided while this
        compilation ran (the claim is gone, or a newer compilation has claimed other numbers):
        saving would bring back a document without its numbers, or print old ones on a new issue.
        """
        doc = self.get(week)
        if doc is None or (doc.get("year"), doc.get("issue_no"), doc.get("total_no")) != (
            numbers.year,
            numbers.issue_no,
            numbers.total_no,
        ):
            raise VoidedMeanwhile(f"{week} 的本期在汇编期间已作废，本次汇编未保存，请重新汇编")
        doc.update(fields, compilations=int(doc.get("compilations") or 0) + 1)
        self.es.index(index=self.alias, id=week, document=doc, refresh=True)
        return doc

    def void(self, week: str, fields: dict[str, Any]) -> dict[str, Any] | None:
        """Keep the week's issue as voided (作废) under an id of its own and free the week.

        Its 期号 stays taken: the next compilation of any week takes the next number, and the
        voided one stays in the archive, marked. None if the week has no compiled issue.
        """
        doc = self.get(week)
        if doc is None or not doc.get("compilations"):
            return None
        voided = {**doc, **fields, "voided": True}
        self.es.index(
            index=self.alias, id=voided_id(week, doc["total_no"]), document=voided, refresh=True
        )
        self.es.delete(index=self.alias, id=week, refresh=True)
        return voided

    def list(self, size: int = 200) -> list[dict[str, Any]]:
        """Compiled bulletins, newest week first."""
        res = self.es.search(
            index=self.alias,
            size=size,
            query={"range": {"compilations": {"gte": 1}}},
            sort=[{"week": "desc"}, {"total_no": "desc"}],
            source={"excludes": ["summary"]},
        )
        return [h["_source"] for h in res["hits"]["hits"]]
