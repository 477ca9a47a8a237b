"""The law as configuration: violation types with fine ranges and measures, and fixed limits.

``data/violations.json`` (the client's catalogue; ``JIANCHA_VIOLATIONS_FILE`` replaces it) holds,
per violation type, the statutory fine range and whether the law allows detaining the vehicle or
the licence:

- 道路交通安全法 art. 89: pedestrians and non-motor vehicles 5–50 CNY;
- art. 90: motor-vehicle violations in general 20–200 CNY;
- art. 91: drink-driving 1000–2000 CNY, licence detained 6 months;
- art. 92: overloaded trucks 200–500 / 500–2000 CNY, vehicle detained until unloaded;
- art. 99: e.g. > 50 % over the limit, driving without a licence, 200–2000 CNY;
- art. 108 and 行政处罚法 arts. 68/70: fines are paid at a bank; on-the-spot collection only up to
  100 CNY (or where later payment is impracticable — pedestrians and e-bikes here) and always
  against an official receipt;
- 公安机关现场执法视音频记录工作规定: recordings uploaded within 24 h.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jiancha.schemas.policies import Policy

DEFAULT_VIOLATIONS = Path(__file__).with_name("data") / "violations.json"
#: DESIGN.md's seed policies (peony festival, accident green channel, Zibo electric trucks); the
#: ``policies`` topic adds to them and overrides them by ``policy_id``.
DEFAULT_POLICIES = Path(__file__).with_name("data") / "policies.json"


@dataclass(frozen=True)
class ViolationType:
    code: str
    name: str
    article: str
    fine_min: int
    fine_max: int
    vehicle_detention: bool
    license_detention: bool


@dataclass(frozen=True)
class Law:
    types: dict[str, ViolationType]
    on_the_spot_max_cny: int = 100
    on_the_spot_always_for: frozenset[str] = field(default_factory=frozenset)
    upload_deadline_hours: float = 24.0

    @classmethod
    def load(cls, path: Path | None = None) -> Law:
        path = path or DEFAULT_VIOLATIONS
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            types = {
                code: ViolationType(
                    code,
                    t["name"],
                    t.get("article", ""),
                    int(t["fine"][0]),
                    int(t["fine"][1]),
                    bool(t.get("vehicle_detention", False)),
                    bool(t.get("license_detention", False)),
                )
                for code, t in data["types"].items()
            }
        except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            raise ValueError(f"违法类型目录无法读取（{path}）：{exc}") from exc
        spot = data.get("on_the_spot_collection", {})
        return cls(
            types=types,
            on_the_spot_max_cny=int(spot.get("max_fine_motor_vehicle", 100)),
            on_the_spot_always_for=frozenset(spot.get("always_allowed_for", [])),
            upload_deadline_hours=float(data.get("recording_upload_deadline_hours", 24)),
        )


@lru_cache(maxsize=4)
def load_law(path: Path | None = None) -> Law:
    return Law.load(path)


def load_policies(path: Path | None = None) -> list[Policy]:
    """The seed policies at ``path`` (default: the packaged ``data/policies.json``)."""
    path = path or DEFAULT_POLICIES
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [Policy.model_validate(row) for row in rows]
    except (OSError, ValueError, TypeError) as exc:
        raise ValueError(f"政策文件无法读取（{path}）：{exc}") from exc
