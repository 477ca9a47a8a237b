"""Static checks of the production Docker files (no Docker engine needed).

Validates docker/Dockerfile, docker/compose.yaml and .dockerignore by parsing
them. The only external process is the optional `docker compose config`
check, which the compose CLI plugin can do without an engine.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DOCKER_DIR = REPO / "docker"
DOCKERFILE = DOCKER_DIR / "Dockerfile"
COMPOSE = DOCKER_DIR / "compose.yaml"
DOCKERIGNORE = REPO / ".dockerignore"

APP_SERVICES = ("topics", "indices", "api", "worker", "analyzer", "transcriber")
LONG_RUNNING_APP_SERVICES = ("api", "worker", "analyzer", "transcriber")
INFRA_SERVICES = ("kafka", "elasticsearch", "kibana")
# Jobs that run once and exit 0: certificates and accounts, Kafka storage and ACLs, topics, indices.
ONE_SHOT_JOBS = ("setup", "kafka-format", "kafka-acls", "topics", "indices")
KAFKA_PROPERTIES = DOCKER_DIR / "kafka" / "server.properties"
# The elasticsearch Python client major the project is written against; the
# server image must be of the same major.
ES_CLIENT_MAJOR = 8


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "compose.yaml must be a mapping"
    assert isinstance(data.get("services"), dict), "compose.yaml has no services"
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    svcs: dict[str, dict[str, Any]] = compose["services"]
    return svcs


def env_of(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment as a dict (compose allows a list or a map)."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        out: dict[str, str] = {}
        for item in env:
            key, _, value = str(item).partition("=")
            out[key] = value
        return out
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def command_of(service: dict[str, Any]) -> list[str]:
    cmd = service.get("command")
    if isinstance(cmd, str):
        return cmd.split()
    return [str(c) for c in cmd or []]


def depends_on(service: dict[str, Any]) -> dict[str, str]:
    """depends_on as {service: condition}; the short list form means service_started."""
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {d: "service_started" for d in deps}
    return {name: (spec or {}).get("condition", "service_started") for name, spec in deps.items()}


def is_long_running(service: dict[str, Any]) -> bool:
    return str(service.get("restart", "no")) != "no"


def volume_mounts(service: dict[str, Any]) -> list[dict[str, Any]]:
    """Normalise short ("src:dst[:mode]") and long volume syntax."""
    mounts = []
    for v in service.get("volumes") or []:
        if isinstance(v, str):
            parts = v.split(":")
            if len(parts) == 1:  # anonymous volume
                mounts.append(
                    {
                        "type": "volume",
                        "source": None,
                        "target": parts[0],
                        "read_only": False,
                    }
                )
                continue
            source, target = parts[0], parts[1]
            mode = parts[2] if len(parts) > 2 else ""
            is_path = source.startswith(("/", ".", "~", "$"))
            mounts.append(
                {
                    "type": "bind" if is_path else "volume",
                    "source": source,
                    "target": target,
                    "read_only": "ro" in mode.split(","),
                }
            )
        else:
            mounts.append(
                {
                    "type": v.get("type", "volume"),
                    "source": v.get("source"),
                    "target": v.get("target"),
                    "read_only": bool(v.get("read_only", False)),
                }
            )
    return mounts


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs with comments and line continuations resolved."""
    instructions: list[tuple[str, str]] = []
    buf = ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            buf += line[:-1].strip() + " "
            continue
        buf += line
        keyword, _, args = buf.partition(" ")
        instructions.append((keyword.upper(), args.strip()))
        buf = ""
    assert not buf, "Dockerfile ends inside a line continuation"
    return instructions


def final_stage(instructions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    last_from = max(i for i, (kw, _) in enumerate(instructions) if kw == "FROM")
    return instructions[last_from:]


def resolve_from(args: str, instructions: list[tuple[str, str]]) -> str:
    """Image of a FROM line, with ARG defaults (before the first FROM) substituted."""
    image = args.split()[0]
    defaults = {}
    for kw, a in instructions:
        if kw == "FROM":
            break
        if kw == "ARG" and "=" in a:
            k, _, v = a.partition("=")
            defaults[k.strip()] = v.strip().strip('"')
    return re.sub(r"\$\{?(\w+)\}?", lambda m: defaults.get(m.group(1), m.group(0)), image)


# --------------------------------------------------------------------------
# compose: structure
# --------------------------------------------------------------------------


def test_expected_services_present(services: dict[str, Any]) -> None:
    missing = set(INFRA_SERVICES + APP_SERVICES) - set(services)
    assert not missing, f"compose.yaml lacks services: {sorted(missing)}"


def test_every_long_running_service_has_a_healthcheck(services: dict[str, Any]) -> None:
    long_running = [name for name, svc in services.items() if is_long_running(svc)]
    # Everything except the one-shot jobs must be long-running.
    assert set(long_running) == set(services) - set(ONE_SHOT_JOBS)
    for name in long_running:
        svc = services[name]
        assert svc["restart"] == "unless-stopped", f"{name}: restart must be unless-stopped"
        hc = svc.get("healthcheck")
        assert isinstance(hc, dict), f"{name}: no healthcheck"
        assert not hc.get("disable", False), f"{name}: healthcheck disabled"
        test = hc.get("test")
        assert test and test not in (["NONE"], "NONE"), f"{name}: empty healthcheck"
        if isinstance(test, list):
            assert test[0] in ("CMD", "CMD-SHELL"), f"{name}: bad healthcheck form {test[0]!r}"
            assert len(test) > 1 and all(str(t).strip() for t in test[1:])


def test_topics_is_a_one_shot_job(services: dict[str, Any]) -> None:
    topics = services["topics"]
    assert str(topics.get("restart", "no")) == "no"
    assert command_of(topics) == ["jiancha", "topics"]
    assert depends_on(topics).get("kafka") == "service_healthy"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_are_built_from_the_project_dockerfile(
    services: dict[str, Any], name: str
) -> None:
    build = services[name].get("build")
    assert isinstance(build, dict), f"{name}: build must name context and dockerfile"
    context = (DOCKER_DIR / build["context"]).resolve()
    assert context == REPO, f"{name}: build context must be the repo root, got {context}"
    assert build.get("dockerfile") == "docker/Dockerfile"
    assert (context / build["dockerfile"]).resolve() == DOCKERFILE
    assert DOCKERFILE.is_file()


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_wait_for_healthy_kafka_and_elasticsearch(
    services: dict[str, Any], name: str
) -> None:
    deps = depends_on(services[name])
    assert deps.get("kafka") == "service_healthy", f"{name}: must wait for a healthy kafka"
    assert deps.get("elasticsearch") == "service_healthy", (
        f"{name}: must wait for a healthy elasticsearch"
    )


@pytest.mark.parametrize("name", LONG_RUNNING_APP_SERVICES)
def test_app_services_wait_for_topics(services: dict[str, Any], name: str) -> None:
    assert depends_on(services[name]).get("topics") == "service_completed_successfully"


def test_app_commands(services: dict[str, Any]) -> None:
    assert command_of(services["api"]) == [
        "jiancha",
        "api",
        "--host",
        "0.0.0.0",
        "--port",
        "8000",
    ]
    assert command_of(services["worker"]) == ["jiancha", "worker"]
    assert command_of(services["transcriber"]) == ["jiancha", "transcriber"]
    assert command_of(services["analyzer"]) == ["jiancha", "analyzer"]


def test_api_port_and_healthz_probe(services: dict[str, Any]) -> None:
    api = services["api"]
    assert any(str(p).split(":")[-1] == "8000" for p in api.get("ports", [])), (
        "api must publish 8000"
    )
    probe = " ".join(str(t) for t in api["healthcheck"]["test"])
    assert "http://localhost:8000/healthz" in probe
    # python:3.11-slim has no curl/wget: the probe must use Python.
    assert "urllib" in probe and "curl" not in probe and "wget" not in probe


def test_worker_scales_as_replicas(services: dict[str, Any]) -> None:
    worker = services["worker"]
    assert worker.get("deploy", {}).get("replicas") == 1
    # a fixed container_name would make `--scale worker=N` impossible
    assert "container_name" not in worker


def test_kibana_depends_on_healthy_elasticsearch(services: dict[str, Any]) -> None:
    kibana = services["kibana"]
    assert depends_on(kibana).get("elasticsearch") == "service_healthy"
    assert any(str(p).split(":")[-1] == "5601" for p in kibana.get("ports", []))
    # published on the host's loopback only (the reverse proxy serves it)
    assert all(str(p).startswith("127.0.0.1:") for p in kibana.get("ports", []))


# --------------------------------------------------------------------------
# compose: Kafka / Elasticsearch
# --------------------------------------------------------------------------


def kafka_properties() -> dict[str, str]:
    """docker/kafka/server.properties as a dict (the broker's non-secret configuration)."""
    props = {}
    for line in KAFKA_PROPERTIES.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            props[key.strip()] = value.strip()
    return props


def test_kafka_is_single_node_kraft_combined(services: dict[str, Any]) -> None:
    kafka = services["kafka"]
    assert kafka["image"] == "apache/kafka:4.1.1"
    props = kafka_properties()
    roles = {r.strip() for r in props["process.roles"].split(",")}
    assert {"broker", "controller"} <= roles
    node_id = props["node.id"]
    listeners = props["listeners"].split(",")
    assert "CLIENT://:9092" in listeners and "CONTROLLER://127.0.0.1:9093" in listeners
    assert props["advertised.listeners"] == "CLIENT://kafka:9092"
    assert props["controller.listener.names"] == "CONTROLLER"
    assert f"{node_id}@127.0.0.1:9093" in props["controller.quorum.voters"].split(",")
    assert props["offsets.topic.replication.factor"] == "1"
    assert props["transaction.state.log.replication.factor"] == "1"
    # the data volume must be where Kafka writes its log dirs, for the job that formats it too
    for name in ("kafka", "kafka-format"):
        mounts = {m["target"]: m for m in volume_mounts(services[name])}
        assert props["log.dirs"] in mounts and mounts[props["log.dirs"]]["source"] == "kafka-data"
    probe = " ".join(str(t) for t in kafka["healthcheck"]["test"])
    assert "/opt/kafka/bin/kafka-broker-api-versions.sh" in probe
    assert "--bootstrap-server localhost:9092" in probe
    assert "--command-config" in probe  # it must sign in like any client


def test_no_zookeeper_anywhere(services: dict[str, Any]) -> None:
    assert "zookeeper" not in COMPOSE.read_text(encoding="utf-8").lower()
    for name, svc in services.items():
        assert "zookeeper" not in name.lower()
        assert "zookeeper" not in str(svc.get("image", "")).lower()


def test_kafka_bootstrap_matches_advertised_listener(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    advertised = kafka_properties()["advertised.listeners"].split("://", 1)[1]
    for name in APP_SERVICES:
        assert env_of(services[name])["JIANCHA_KAFKA_BOOTSTRAP"] == advertised


def _declared_es_client_major() -> int:
    """elasticsearch client major from pyproject.toml, else ES_CLIENT_MAJOR."""
    pyproject = REPO / "pyproject.toml"
    if pyproject.is_file():
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        for dep in data.get("project", {}).get("dependencies", []):
            m = re.match(r"\s*elasticsearch(?:\[[^\]]*\])?\s*(.*)$", dep, re.IGNORECASE)
            if not m:
                continue
            # first version mentioned in a >=, ==, ~= or bare clause
            v = re.search(r"(?:>=|==|~=|===)\s*(\d+)", m.group(1))
            if v:
                return int(v.group(1))
    return ES_CLIENT_MAJOR


def test_elasticsearch_image_matches_client_major(services: dict[str, Any]) -> None:
    es_image = services["elasticsearch"]["image"]
    repo, _, tag = es_image.rpartition(":")
    assert repo == "docker.elastic.co/elasticsearch/elasticsearch"
    assert re.fullmatch(r"\d+\.\d+\.\d+", tag), (
        f"ES image must be pinned to a full version, got {tag!r}"
    )
    assert int(tag.split(".")[0]) == ES_CLIENT_MAJOR == _declared_es_client_major()
    # Kibana must be exactly the ES version.
    assert services["kibana"]["image"] == f"docker.elastic.co/kibana/kibana:{tag}"


def test_elasticsearch_single_node_settings(services: dict[str, Any]) -> None:
    es = services["elasticsearch"]
    env = env_of(es)
    assert env["discovery.type"] == "single-node"
    assert env["xpack.security.enabled"] == "true"
    assert "-Xms1g" in env["ES_JAVA_OPTS"] and "-Xmx1g" in env["ES_JAVA_OPTS"]
    text = COMPOSE.read_text(encoding="utf-8")
    assert "JIANCHA_ES_USERNAME" in text and "JIANCHA_ES_PASSWORD" in text
    probe = " ".join(str(t) for t in es["healthcheck"]["test"])
    assert "_cluster/health?wait_for_status=yellow" in probe
    assert any(m["target"] == "/usr/share/elasticsearch/data" for m in volume_mounts(es))


# --------------------------------------------------------------------------
# compose: environment and volumes
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_env_is_only_jiancha_variables(services: dict[str, Any], name: str) -> None:
    env = env_of(services[name])
    assert env, f"{name}: no environment"
    bad = [k for k in env if not k.startswith("JIANCHA_")]
    assert not bad, f"{name}: non-JIANCHA_ environment keys {bad}"
    assert env["JIANCHA_KAFKA_BOOTSTRAP"] == "kafka:9092"
    assert env["JIANCHA_ES_URL"] == "https://elasticsearch:9200"
    assert env["JIANCHA_PARTITIONS"] == "12"
    assert "env_file" not in services[name]


def test_shared_env_comes_from_the_anchor(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    shared = {k: str(v) for k, v in compose["x-jiancha-env"].items()}
    for name in APP_SERVICES:
        env = env_of(services[name])
        assert {k: env[k] for k in shared} == shared
    assert "&jiancha-env" in COMPOSE.read_text(encoding="utf-8")


def test_transcriber_media_mount(services: dict[str, Any]) -> None:
    tr = services["transcriber"]
    media_root = env_of(tr)["JIANCHA_MEDIA_ROOT"]
    assert media_root == "/srv/media"
    mounts = {m["target"]: m for m in volume_mounts(tr)}
    assert media_root in mounts, "JIANCHA_MEDIA_ROOT must be a mounted volume"
    assert mounts[media_root]["source"] == "media"
    assert mounts[media_root]["read_only"], "media must be mounted read-only"
    # only the transcriber gets a media root
    for name in set(APP_SERVICES) - {"transcriber"}:
        assert "JIANCHA_MEDIA_ROOT" not in env_of(services[name])


def test_named_volumes_are_declared(compose: dict[str, Any], services: dict[str, Any]) -> None:
    declared = set((compose.get("volumes") or {}).keys())
    used = {
        m["source"]
        for svc in services.values()
        for m in volume_mounts(svc)
        if m["type"] == "volume" and m["source"]
    }
    assert used, "expected named volumes (kafka, elasticsearch, media)"
    assert used <= declared, f"undeclared named volumes: {sorted(used - declared)}"
    assert declared <= used, f"declared but unused volumes: {sorted(declared - used)}"


# --------------------------------------------------------------------------
# Dockerfile
# --------------------------------------------------------------------------


def test_dockerfile_base_image_is_python_311_slim() -> None:
    instr = dockerfile_instructions()
    froms = [resolve_from(a, instr) for kw, a in instr if kw == "FROM"]
    assert froms, "no FROM"
    assert froms[-1] == "python:3.11-slim", (
        f"runtime stage must be python:3.11-slim, got {froms[-1]}"
    )


def test_dockerfile_runs_as_non_root_jiancha() -> None:
    stage = final_stage(dockerfile_instructions())
    users = [a.split(":")[0] for kw, a in stage if kw == "USER"]
    assert users, "final stage has no USER"
    assert users[-1] == "jiancha"
    assert users[-1] not in ("root", "0")
    # the user is created in the image
    assert any(kw == "RUN" and "useradd" in a and "jiancha" in a for kw, a in stage)


def test_dockerfile_exposes_8000_and_default_cmd() -> None:
    stage = final_stage(dockerfile_instructions())
    exposed = {p.split("/")[0] for kw, a in stage if kw == "EXPOSE" for p in a.split()}
    assert "8000" in exposed
    cmds = [a for kw, a in stage if kw == "CMD"]
    assert cmds, "no CMD"
    assert json.loads(cmds[-1]) == [
        "jiancha",
        "api",
        "--host",
        "0.0.0.0",
        "--port",
        "8000",
    ]


def test_dockerfile_installs_cjk_fonts_and_cleans_apt_lists() -> None:
    stage = final_stage(dockerfile_instructions())
    runs = [a for kw, a in stage if kw == "RUN"]
    font_runs = [r for r in runs if "apt-get install" in r and "fonts-noto-cjk" in r.split()]
    assert font_runs, "fonts-noto-cjk must be installed with apt-get in the runtime image"
    assert all("rm -rf /var/lib/apt/lists" in r for r in font_runs)


def test_dockerfile_installs_project_without_pip_cache() -> None:
    instr = dockerfile_instructions()
    pip_installs = [
        a for kw, a in instr if kw == "RUN" and re.search(r"pip install\b.*\s\.(\s|$)", a)
    ]
    assert pip_installs, "the project must be installed with `pip install .`"
    cache_off = any(kw == "ENV" and "PIP_NO_CACHE_DIR=1" in a for kw, a in instr)
    for run in pip_installs:
        assert cache_off or "--no-cache-dir" in run, "pip cache would end up in the image"
    # the source tree is copied from the build context (the repo root)
    assert any(kw == "COPY" and a.split()[0] == "." for kw, a in instr)


def test_dockerignore_keeps_context_clean() -> None:
    patterns = {
        line.strip().rstrip("/")
        for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    for required in (".venv", ".git", "benchmarks/results"):
        assert required in patterns, f".dockerignore must exclude {required}"
    assert any("__pycache__" in p for p in patterns)
    assert any("egg-info" in p for p in patterns)
    # pip install . needs these: they must not be ignored
    for needed in ("pyproject.toml", "src", "docker", "*.toml", "*.md", "*", "**"):
        assert needed not in patterns, f".dockerignore must not exclude {needed}"


# --------------------------------------------------------------------------
# docker compose config (no engine needed)
# --------------------------------------------------------------------------


def test_docker_compose_config_parses() -> None:
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("docker client binary not installed")
    version = subprocess.run(
        [docker, "compose", "version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    if version.returncode != 0:
        output = (version.stderr or version.stdout).strip().splitlines()
        first_line = output[0][:200] if output else f"exit {version.returncode}"
        pytest.skip(
            "docker client present but the compose CLI plugin is not "
            f"(`docker compose version` failed: {first_line})"
        )
    result = subprocess.run(
        [docker, "compose", "-f", str(COMPOSE.relative_to(REPO)), "config", "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, f"docker compose config failed:\n{result.stderr}{result.stdout}"


# --------------------------------------------------------------------------
# compose: security (docs/threat-model.md)
# --------------------------------------------------------------------------

ES_SETUP = DOCKER_DIR / "elasticsearch" / "setup.sh"
KAFKA_SCRIPTS = DOCKER_DIR / "kafka"
MAKE_SECRETS = DOCKER_DIR / "make-secrets.sh"
#: service -> (Kafka user, Elasticsearch user or None): one account per component
ACCOUNTS = {
    "api": ("api", "jiancha-api"),
    "worker": ("indexer", "jiancha-worker"),
    "analyzer": ("analyzer", "jiancha-analyzer"),
    "transcriber": ("transcriber", None),  # needs no Elasticsearch
    "topics": ("setup", None),
    "indices": ("setup", "jiancha-setup"),
}
_SECRET_REF = re.compile(r"^\$\{([A-Z0-9_]+):\?[^}]+\}$")


def _secret_var(value: str) -> str:
    """The docker/.env variable a secret comes from; fails on a literal (a committed secret)."""
    m = _SECRET_REF.match(value)
    assert m, f"a secret must be a required ${{VARIABLE:?…}} from docker/.env, not {value!r}"
    return m.group(1)


def _is_secret_key(key: str) -> bool:
    upper = key.upper()
    return any(w in upper for w in ("PASSWORD", "SECRET", "ENCRYPTIONKEY", "CLUSTER_ID"))


def test_elasticsearch_has_security_and_tls_on(services: dict[str, Any]) -> None:
    env = env_of(services["elasticsearch"])
    assert env["xpack.security.enabled"] == "true"
    for layer in ("http", "transport"):
        assert env[f"xpack.security.{layer}.ssl.enabled"] == "true"
        assert env[f"xpack.security.{layer}.ssl.key"].startswith("certs/elasticsearch/")
        assert env[f"xpack.security.{layer}.ssl.certificate"].startswith("certs/elasticsearch/")
        assert env[f"xpack.security.{layer}.ssl.certificate_authorities"] == "certs/ca/ca.crt"
    assert depends_on(services["elasticsearch"]).get("setup") == "service_healthy"
    probe = " ".join(str(t) for t in services["elasticsearch"]["healthcheck"]["test"])
    assert "https://localhost:9200" in probe and "--cacert" in probe


def test_a_setup_job_makes_the_certificates_and_the_accounts(services: dict[str, Any]) -> None:
    setup = services["setup"]
    assert setup["image"] == services["elasticsearch"]["image"]
    assert str(setup.get("restart")) == "no"
    assert command_of(setup) == ["bash", "/opt/jiancha/elasticsearch/setup.sh"]
    script = ES_SETUP.read_text(encoding="utf-8")
    assert "elasticsearch-certutil ca" in script and "elasticsearch-certutil cert" in script
    assert "/_security/user/kibana_system/_password" in script
    assert subprocess.run(["bash", "-n", str(ES_SETUP)], capture_output=True).returncode == 0
    # the scripts reach the job read-only; the certificates are in the `certs` volume
    mounts = {m["target"]: m for m in volume_mounts(setup)}
    assert mounts["/opt/jiancha/elasticsearch"]["read_only"]
    assert mounts["/usr/share/elasticsearch/config/certs"]["source"] == "certs"


def _es_roles() -> dict[str, dict[str, Any]]:
    script = ES_SETUP.read_text(encoding="utf-8")
    found = re.findall(r"es PUT /_security/role/(\w+) '(\{.*?\})'\n", script, re.DOTALL)
    return {name: json.loads(body) for name, body in found}


def _es_users() -> dict[str, list[str]]:
    script = ES_SETUP.read_text(encoding="utf-8")
    return {
        m.group(1): m.group(3).split()
        for m in re.finditer(r"^user (\S+) \"\$(\w+)\" (.+)$", script, re.MULTILINE)
    }


def _privileges(role: dict[str, Any]) -> dict[str, set[str]]:
    """{index pattern: privileges} of a role."""
    out: dict[str, set[str]] = {}
    for grant in role.get("indices", []):
        for name in grant["names"]:
            out.setdefault(name, set()).update(grant["privileges"])
    return out


def test_elasticsearch_roles_are_least_privilege() -> None:
    roles = _es_roles()
    assert set(roles) == {
        "jiancha_setup",
        "jiancha_indexer",
        "jiancha_bulletin_writer",
        "jiancha_analyzer",
        "jiancha_api",
        "jiancha_kibana_reader",
    }
    writes = {
        name: {p for p, privs in _privileges(role).items() if "write" in privs}
        for name, role in roles.items()
    }
    assert writes["jiancha_indexer"] == {
        f"jiancha-{f}*"
        for f in (
            "clips",
            "actions",
            "users",
            "audit",
            "rectifications",
            "directory",
            "spotchecks",
        )
    }
    assert writes["jiancha_analyzer"] == {"jiancha-cases*"}
    assert writes["jiancha_bulletin_writer"] == {"jiancha-bulletins*"}
    assert writes["jiancha_api"] == {
        f"jiancha-{f}*" for f in ("cases", "audit", "users", "bulletins", "directory", "alerts")
    }
    assert writes["jiancha_kibana_reader"] == set()
    # only the setup job manages indices; nobody but it may delete one
    for name, role in roles.items():
        for pattern, privs in _privileges(role).items():
            if name != "jiancha_setup":
                assert not privs & {"manage", "delete_index", "all", "delete"}, (name, pattern)
        assert "all" not in role.get("cluster", []) and "manage" not in role.get("cluster", [])
    # people in Kibana never read the account index (password hashes)
    assert not any(
        p.startswith("jiancha-users") for p in _privileges(roles["jiancha_kibana_reader"])
    )


def test_each_component_has_its_own_elasticsearch_user() -> None:
    users = _es_users()
    assert users == {
        "jiancha-setup": ["jiancha_setup"],
        "jiancha-api": ["jiancha_api"],
        "jiancha-worker": ["jiancha_indexer", "jiancha_bulletin_writer"],
        "jiancha-analyzer": ["jiancha_analyzer"],
    }
    assert {r for roles in users.values() for r in roles} <= set(_es_roles())


def test_kibana_signs_people_in_and_is_not_published_to_the_world(
    services: dict[str, Any],
) -> None:
    kibana = services["kibana"]
    env = env_of(kibana)
    assert env["ELASTICSEARCH_HOSTS"] == '["https://elasticsearch:9200"]'
    assert env["ELASTICSEARCH_USERNAME"] == "kibana_system"
    assert _secret_var(env["ELASTICSEARCH_PASSWORD"]) == "KIBANA_SYSTEM_PASSWORD"
    assert env["ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES"] == "/certs/ca/ca.crt"
    assert _secret_var(env["XPACK_SECURITY_ENCRYPTIONKEY"]) == "KIBANA_ENCRYPTION_KEY"


def test_no_service_publishes_a_port_on_every_interface(services: dict[str, Any]) -> None:
    for name, svc in services.items():
        for port in svc.get("ports", []):
            spec = port if isinstance(port, str) else f"{port.get('host_ip', '')}:{port}"
            assert str(spec).startswith("127.0.0.1:"), f"{name} publishes {port} beyond loopback"
    published = {name for name, svc in services.items() if svc.get("ports")}
    assert published == {"api", "kibana"}  # Kafka and Elasticsearch stay on the network


def test_kafka_listens_with_sasl_only_and_authorizes() -> None:
    props = kafka_properties()
    protocols = dict(p.split(":", 1) for p in props["listener.security.protocol.map"].split(","))
    listeners = {item.split("://", 1)[0] for item in props["listeners"].split(",")}
    assert listeners == set(protocols)
    assert all(proto.startswith("SASL_") for proto in protocols.values()), protocols
    assert protocols["CLIENT"] == "SASL_SSL"  # clients: SCRAM over TLS
    assert "127.0.0.1:" in next(x for x in props["listeners"].split(",") if "CONTROLLER" in x)
    assert props["sasl.enabled.mechanisms"] == "SCRAM-SHA-512"
    assert props["sasl.mechanism.inter.broker.protocol"] == "SCRAM-SHA-512"
    assert (
        props["authorizer.class.name"] == "org.apache.kafka.metadata.authorizer.StandardAuthorizer"
    )
    assert props["allow.everyone.if.no.acl.found"] == "false"
    assert props["super.users"] == "User:admin;User:controller"
    assert props["auto.create.topics.enable"] == "false"
    assert props["ssl.keystore.location"] == "/certs/kafka/kafka.p12"
    assert props["ssl.endpoint.identification.algorithm"] == "https"
    # no secret in the committed file: the scripts append them from the environment
    assert not any("password" in k or "jaas" in k for k in props)


def test_kafka_users_and_acls_are_made_by_setup_jobs(services: dict[str, Any]) -> None:
    from streams import acls

    fmt = (KAFKA_SCRIPTS / "format.sh").read_text(encoding="utf-8")
    made = re.findall(r'scram (\w+) "\$\{(KAFKA_\w+_PASSWORD):\?\}"', fmt)
    assert [u for u, _ in made] == acls.user_names()
    assert "kafka-storage.sh format --ignore-formatted" in fmt
    format_env = env_of(services["kafka-format"])
    for _, var in made:
        assert _secret_var(format_env[var]) == var
    assert depends_on(services["kafka"]).get("kafka-format") == "service_completed_successfully"
    assert depends_on(services["kafka-acls"]).get("kafka") == "service_healthy"
    assert depends_on(services["topics"]).get("kafka-acls") == "service_completed_successfully"
    apply = (KAFKA_SCRIPTS / "apply-acls.sh").read_text(encoding="utf-8")
    assert "/opt/jiancha/kafka/acls.sh" in apply
    for script in KAFKA_SCRIPTS.glob("*.sh"):
        assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0


@pytest.mark.parametrize("name", list(ACCOUNTS))
def test_no_jiancha_service_without_its_own_credentials(
    compose: dict[str, Any], services: dict[str, Any], name: str
) -> None:
    env = env_of(services[name])
    kafka_user, es_user = ACCOUNTS[name]
    assert env["JIANCHA_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert env["JIANCHA_KAFKA_SASL_MECHANISM"] == "SCRAM-SHA-512"
    assert env["JIANCHA_KAFKA_SSL_CAFILE"] == env["JIANCHA_ES_CA_CERTS"] == "/certs/ca/ca.crt"
    assert env["JIANCHA_KAFKA_USERNAME"] == kafka_user
    assert _secret_var(env["JIANCHA_KAFKA_PASSWORD"]) == f"KAFKA_{kafka_user.upper()}_PASSWORD"
    if es_user is None:
        assert "JIANCHA_ES_USERNAME" not in env and "JIANCHA_ES_PASSWORD" not in env
    else:
        assert env["JIANCHA_ES_USERNAME"] == es_user
        assert _secret_var(env["JIANCHA_ES_PASSWORD"]).startswith("ES_")
    # the CA certificate reaches it read-only
    mounts = {m["target"]: m for m in volume_mounts(services[name])}
    assert mounts["/certs"]["source"] == "certs" and mounts["/certs"]["read_only"]


def test_each_component_credentials_are_distinct(services: dict[str, Any]) -> None:
    components = ("api", "worker", "analyzer", "transcriber")
    kafka = [env_of(services[n])["JIANCHA_KAFKA_USERNAME"] for n in components]
    kafka_secrets = [_secret_var(env_of(services[n])["JIANCHA_KAFKA_PASSWORD"]) for n in components]
    es = [env_of(services[n]).get("JIANCHA_ES_USERNAME") for n in components]
    es_secrets = [env_of(services[n]).get("JIANCHA_ES_PASSWORD") for n in components]
    assert len(set(kafka)) == len(set(kafka_secrets)) == len(components)
    present = [e for e in es if e]
    assert len(set(present)) == len(present) == 3
    assert len({s for s in es_secrets if s}) == 3


def test_no_password_is_committed(compose: dict[str, Any], services: dict[str, Any]) -> None:
    referenced: set[str] = set()
    for svc in services.values():
        for key, value in env_of(svc).items():
            if _is_secret_key(key):
                referenced.add(_secret_var(value))
    # every secret comes from docker/.env, which make-secrets.sh writes and git ignores
    made = set(re.findall(r"\b([A-Z][A-Z0-9_]+)\b", MAKE_SECRETS.read_text(encoding="utf-8")))
    assert referenced <= made, f"not made by make-secrets.sh: {sorted(referenced - made)}"
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "docker/.env" in ignored
    assert ".env" in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
    # in the scripts, a password is always a variable's value, never a literal
    for script in [ES_SETUP, *KAFKA_SCRIPTS.glob("*.sh")]:
        text = script.read_text(encoding="utf-8")
        for m in re.finditer(r'password(?:=|\\?"?:\\?")\\?"?([^\s";,\]]*)', text):
            assert m.group(1).startswith("$") or m.group(1) == "", f"{script.name}: {m.group(0)}"
    assert not list(DOCKER_DIR.rglob("*.key")) and not list(DOCKER_DIR.rglob("*.p12"))
