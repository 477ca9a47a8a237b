"""The layout the README promises, checked on the imports themselves (ast, no import is run).

- ``jiancha/`` is the shared kernel: it imports no domain folder, except the CLI and the demo,
  which start everything;
- ``analyzers/`` are pure rules: the contracts (``jiancha.schemas``) and the kernel's text tools
  only; no Faust, Kafka or Elasticsearch, nothing of ``streams/``;
- ``streams/`` never reaches up into ``api/``;
- no module imports another package's private (``_name``) helper.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("jiancha", "streams", "analyzers", "api", "dashboards")
DOMAIN = ("streams", "analyzers", "api", "dashboards")


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _imports(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(module imported, names taken from it) for every import in ``path``, nested ones too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [a.name for a in node.names]


def _top(module: str) -> str:
    return module.split(".", 1)[0]


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_kernel_imports_no_domain_folder() -> None:
    allowed = {"jiancha/cli.py", "jiancha/demo.py"}
    offending = [
        f"{_rel(p)} → {module}"
        for p in _modules("jiancha")
        if _rel(p) not in allowed
        for module, _ in _imports(p)
        if _top(module) in DOMAIN
    ]
    assert offending == []


def test_rules_import_only_contracts_and_the_kernel_text_tools() -> None:
    forbidden_tops = {"faust", "kafka", "aiokafka", "elasticsearch", "api", "dashboards", "fastapi"}
    offending = []
    for p in _modules("analyzers"):
        for module, _ in _imports(p):
            if _top(module) in forbidden_tops or _top(module) == "streams":
                offending.append(f"{_rel(p)} → {module}")
    assert offending == []


def test_streams_never_import_the_api() -> None:
    offending = [
        f"{_rel(p)} → {module}"
        for p in _modules("streams")
        for module, _ in _imports(p)
        if _top(module) == "api"
    ]
    assert offending == []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_private_helper_of_another_package_is_imported(package: str) -> None:
    offending = []
    for p in _modules(package):
        own = p.relative_to(ROOT).parts[0]
        for module, names in _imports(p):
            if _top(module) not in PACKAGES or _top(module) == own:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private or any(part.startswith("_") for part in module.split(".")[1:]):
                offending.append(f"{_rel(p)} → {module} {private}")
    assert offending == []
