"""Writing and reading the directory: Kafka first, then the index; reads from the index.

A save is acknowledged by Kafka (the system of record) before the index is written with
``refresh=wait_for``, so an admin's edit shows on the next page load; if only the index write
fails the indexer worker's projection of the topic (``agents.py``) makes it good.
"""

from __future__ import annotations

from typing import Any

from jiancha import topics
from streams.directory.documents import Entry, document, entry_of

#: How many entries one read of the whole directory returns at most (squads + officers).
MAX_ENTRIES = 10_000


async def index_entry(es: Any, alias: str, entry: Entry) -> None:
    """Index an entry Kafka has acknowledged (visible on return)."""
    await es.index(index=alias, id=entry.key, document=document(entry), refresh="wait_for")


async def get_entry(es: Any, alias: str, key: str) -> Entry | None:
    """The entry stored under ``squad:{code}`` or ``officer:{id}``, or None."""
    resp = await es.options(ignore_status=404).get(index=alias, id=key)
    if not resp.body.get("found"):
        return None
    return entry_of(resp.body["_source"])


def names_query(squad_id: str | None = None) -> dict[str, Any]:
    """The search for the name maps: every squad; every officer, or one squad's only.

    Every squad is listed whoever asks (the bulletin ranks them all); officers are limited to
    one squad's for a squad leader, who sees nothing of the others.
    """
    officers: dict[str, Any] = {"term": {"kind": "officer"}}
    if squad_id is not None:
        officers = {"bool": {"filter": [officers, {"term": {"postings.squad_id": squad_id}}]}}
    return {
        "query": {
            "bool": {"should": [{"term": {"kind": "squad"}}, officers], "minimum_should_match": 1}
        },
        "size": MAX_ENTRIES,
        "_source": ["kind", "code", "name"],
    }


def names_of(hits: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """{"squads": {code: name}, "officers": {id: name}} of the hits of :func:`names_query`."""
    maps: dict[str, dict[str, str]] = {"squads": {}, "officers": {}}
    for hit in hits:
        src = hit["_source"]
        maps["squads" if src["kind"] == "squad" else "officers"][src["code"]] = src["name"]
    return maps


async def name_maps(es: Any, alias: str, squad_id: str | None = None) -> dict[str, dict[str, str]]:
    """The name maps (:func:`names_query`) from the async client (the API)."""
    resp = await es.search(index=alias, body=names_query(squad_id))
    return names_of(resp.body["hits"]["hits"])


def name_maps_sync(es: Any, alias: str) -> dict[str, dict[str, str]]:
    """The name maps from the synchronous client (the bulletin's compiler); empty if no index."""
    resp = es.options(ignore_status=404).search(index=alias, body=names_query())
    return names_of(resp.body.get("hits", {}).get("hits", []))


def search_body(q: str, kind: str | None, squad_id: str | None, size: int) -> dict[str, Any]:
    """Autocomplete: names and codes that start with ``q`` first, then those containing it."""
    q = q.strip()
    escaped = q.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?")
    should: list[dict[str, Any]] = []
    for fld in ("name", "code", "police_number"):
        should.append({"prefix": {fld: {"value": q, "case_insensitive": True, "boost": 3.0}}})
        should.append({"wildcard": {fld: {"value": f"*{escaped}*", "case_insensitive": True}}})
    filters: list[dict[str, Any]] = []
    if kind:
        filters.append({"term": {"kind": kind}})
    if squad_id is not None:  # a squad leader: his squad and its officers only
        filters.append(
            {
                "bool": {
                    "should": [
                        {"term": {"postings.squad_id": squad_id}},
                        {
                            "bool": {
                                "filter": [
                                    {"term": {"kind": "squad"}},
                                    {"term": {"code": squad_id}},
                                ]
                            }
                        },
                    ],
                    "minimum_should_match": 1,
                }
            }
        )
    return {
        "query": {"bool": {"should": should, "minimum_should_match": 1, "filter": filters}},
        "sort": ["_score", {"kind": "desc"}, {"code": "asc"}],
        "size": size,
    }


async def search(
    es: Any, alias: str, q: str, kind: str | None, squad_id: str | None, size: int
) -> list[Entry]:
    """Entries whose name, code or police number matches ``q`` (see :func:`search_body`)."""
    resp = await es.search(index=alias, body=search_body(q, kind, squad_id, size))
    return [entry_of(h["_source"]) for h in resp.body["hits"]["hits"]]


async def list_entries(es: Any, alias: str, kind: str) -> list[Entry]:
    """Every squad or every officer, by code (the admin's editor)."""
    resp = await es.search(
        index=alias, query={"term": {"kind": kind}}, sort=[{"code": "asc"}], size=MAX_ENTRIES
    )
    return [entry_of(h["_source"]) for h in resp.body["hits"]["hits"]]


def seed(settings: Any, es: Any, alias: str, entries: list[Entry]) -> int:
    """Publish ``entries`` (Kafka acknowledges every one), then bulk-index them; returns count.

    Synchronous, for ``jiancha directory seed`` and the demo; the index is refreshed on return,
    so pages show the names at once even before the worker replays the topic.
    """
    from elasticsearch.helpers import bulk

    from streams.publisher import Publisher

    with Publisher(settings) as publisher:
        for entry in entries:
            publisher.send(topics.DIRECTORY, entry.key, entry.to_json_bytes())
        publisher.flush()
    actions = (
        {"_op_type": "index", "_index": alias, "_id": e.key, "_source": document(e)}
        for e in entries
    )
    bulk(es, actions, refresh="wait_for")
    return len(entries)
