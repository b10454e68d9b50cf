"""docker-compose.yml: valid against the Compose Specification schema (no compose
engine runs here) and holding the invariants docs/store.md promises."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "data" / "compose-spec" / "compose-spec.json"
INTERPOLATION = re.compile(r"^(?:[^$]|\$\$)*(\$\{[A-Z0-9_]+(?::?[-?][^}]*)?\}(?:[^$]|\$\$)*)+$")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def test_valid_against_the_compose_specification(compose):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(compose)
    assert (SCHEMA.parent / "LICENSE").is_file()


def test_neo4j_ports_are_bound_to_localhost_only(compose):
    ports = compose["services"]["neo4j"]["ports"]
    assert {str(p).rsplit(":", 1)[-1] for p in ports} == {"7474", "7687"}
    for port in ports:
        assert str(port).startswith("127.0.0.1:"), port


def test_neo4j_has_a_healthcheck(compose):
    check = compose["services"]["neo4j"]["healthcheck"]
    assert check["test"] and "RETURN 1" in " ".join(check["test"])


def test_neo4j_data_lives_in_a_named_volume(compose):
    named = set(compose.get("volumes") or {})
    mounts = compose["services"]["neo4j"]["volumes"]
    assert any(str(m).split(":")[0] in named and str(m).endswith(":/data") for m in mounts)


def test_no_secret_is_written_in_the_file(compose):
    for name, service in compose["services"].items():
        for key, value in environment(service).items():
            if re.search(r"PASSWORD|AUTH|SECRET|TOKEN", key):
                assert INTERPOLATION.match(value), f"{name}.{key} holds a literal: {value!r}"
                assert "${NEO4J_PASSWORD" in value
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert re.search(r"^NEO4J_PASSWORD=\s*$", example, re.M), (
        ".env.example must not hold a password"
    )


def test_loader_waits_for_a_healthy_neo4j_and_loads_the_reports(compose):
    loader = compose["services"]["loader"]
    assert loader["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert loader["command"][:3] == ["peergraph", "load", "data/reports"]
    assert "--backend" in loader["command"] and "neo4j" in loader["command"]
    assert environment(loader)["NEO4J_URI"] == "bolt://neo4j:7687"
    assert loader["build"] in (".", {"context": "."})


def test_dockerfile_installs_the_project_like_make():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"pip install [^\n]*-e \.", dockerfile)
    assert "COPY graphload" in dockerfile
