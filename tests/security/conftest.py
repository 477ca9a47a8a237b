"""The security tier (``make security``, marker ``security``; ``make test`` runs it too).

Each test is an attack of the threat model in the README's security section, on the real local
Kafka + Elasticsearch: the attack must fail, and the legitimate use next to it must still work.
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under ``tests/security`` carries the ``security`` marker."""
    for item in items:
        if "tests/security/" in item.nodeid:
            item.add_marker(pytest.mark.security)
