"""Events as an analyzer holds them: one object per equal copy, compacted (issue 15).

An analyzer holds every event of its open months; decoded, each costs ~4.5 KB, most of it
pydantic's per-object bookkeeping and copies of the same ids, and a replica's shards each decode
their own copy of a ticket or recording. :func:`held` and :func:`compact` cut that without
changing any value (README, "Memory per event held").
"""

from __future__ import annotations

import sys
import weakref
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic_core import TzInfo

#: one ``__pydantic_fields_set__`` per model class and set of fields (see :func:`compact`)
_FIELDS_SETS: dict[tuple[type, frozenset[str]], set[str]] = {}
#: the ``__pydantic_extra__`` of every held event without unknown fields
_NO_EXTRA: dict[str, Any] = {}
#: one fixed-offset zone per class and offset (pydantic gives every parsed datetime its own)
_ZONES: dict[tuple[type, timedelta | None], tzinfo] = {}
_FIXED_ZONES = (TzInfo, timezone)
#: fields whose values repeat across events (officers, squads, devices, kinds; a recording's id
#: on its transcript): one string object for all of them
SHARED_STRINGS = frozenset(
    {
        "officer_id",
        "officer_ids",
        "co_officer_ids",
        "officer_role",
        "squad_id",
        "plate_region",
        "road_user",
        "violation_type",
        "method",
        "device_id",
        "device_type",
        "recording_id",
        "speaker",
        "language",
        "engine",
    }
)


M = TypeVar("M", bound=BaseModel)

#: every event held in this process, by class and id: one object for equal copies
_HELD: weakref.WeakValueDictionary[tuple[type, str], BaseModel] = weakref.WeakValueDictionary()


def held(event: M, key: str) -> M:
    """The object to hold for ``event`` (``key``: its id): an equal event of the same id
    already held in this process (a replica's shards each decode their own copy of a ticket
    or recording: the officer's, the detachment's, the join's), else ``event``
    :func:`compact` ed. Frozen, so sharing one changes nothing any holder sees."""
    same = _HELD.get((type(event), key))
    if same is not None and same == event:
        return same  # type: ignore[return-value]  # same class: the key holds it
    _HELD[(type(event), key)] = compact(event)
    return event


def compact(event: M) -> M:
    """``event`` made smaller to hold, in place, its value unchanged (issue 15: an analyzer
    holds an open month of events, ~4.5 KB each as decoded).

    Pydantic gives every model a set of the fields given (216–728 bytes; a ticket has 12, a
    transcript's every segment 4) and a dict of unknown fields (64 bytes, nearly always
    empty), every parsed datetime its own time-zone object, and every string its own copy. A
    held event is frozen and never assigned to (``model_copy`` copies both first), so these
    are shared: one field set per class and set of fields, one empty dict, one zone per
    offset, and one object for repeated strings (:data:`SHARED_STRINGS`). Texts are not
    shared: a real month repeats few."""
    fields_set = event.__pydantic_fields_set__
    key = (type(event), frozenset(fields_set))
    object.__setattr__(event, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(key, fields_set))
    if not event.__pydantic_extra__:
        object.__setattr__(event, "__pydantic_extra__", _NO_EXTRA)
    values = event.__dict__
    for name, value in values.items():
        values[name] = _compact_value(value, name in SHARED_STRINGS)
    return event


def _compact_value(value: Any, shared: bool) -> Any:
    if isinstance(value, str):
        return sys.intern(value) if shared else value
    if isinstance(value, datetime):
        zone = value.tzinfo
        if not isinstance(zone, _FIXED_ZONES):  # a named zone's offset depends on the date
            return value
        same = _ZONES.setdefault((type(zone), zone.utcoffset(value)), zone)
        return value if same is zone else value.replace(tzinfo=same)
    if isinstance(value, BaseModel):
        return compact(value)
    if isinstance(value, list):
        for i, item in enumerate(value):
            value[i] = _compact_value(item, shared)
    return value
