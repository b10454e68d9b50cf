"""Each sample report's extract compared with what a careful reader found in it
(../shared/seeds/expected, copied beside the reports' originals)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphload.extract import extract_file
from graphload.extract.themes import theme_of

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
EXPECTED = ROOT / "tests" / "expected"
SEEDS = sorted(p.stem for p in EXPECTED.glob("*.json"))

# Annex I of 001 numbers its further recommendations 1 to 22 (lines 296-318); the
# expected file says 21. We count what the document prints.
ANNEX_I_FURTHER_IN_001 = 22


def _load(seed: str) -> tuple[dict, dict]:
    expected = json.loads((EXPECTED / f"{seed}.json").read_text())
    record = extract_file(REPORTS / f"{seed}.txt").to_json()
    return expected, record


def _names(refs: list[dict]) -> set[str]:
    return {r["name"] for r in refs}


@pytest.mark.parametrize("seed", SEEDS)
def test_review(seed: str) -> None:
    expected, record = _load(seed)
    review, wanted = record["review"], expected["review"]
    assert _names(review["councils"]) == set(wanted["councils"])
    assert review["kind"] == wanted["kind"]
    assert review["start_date"] == wanted["start_date"]
    assert review["end_date"] == wanted["end_date"]
    assert review["year"] == wanted["year"]


@pytest.mark.parametrize("seed", SEEDS)
def test_peers(seed: str) -> None:
    expected, record = _load(seed)
    found = {p["name"]: p for p in record["peers"]}
    assert set(found) == {p["name"] for p in expected["peers"]}
    for wanted in expected["peers"]:
        peer = found[wanted["name"]]
        assert peer["councillor"] == wanted["councillor"], wanted["name"]
        assert peer["party"] == wanted["party"], wanted["name"]
        assert peer["role"] == wanted["role"], wanted["name"]
        assert _names(peer["organisations"]) == set(wanted["organisations"]), wanted["name"]
        assert sorted(peer["aliases"]) == sorted(wanted.get("aliases", [])), wanted["name"]


@pytest.mark.parametrize("seed", SEEDS)
def test_no_one_else_is_a_peer(seed: str) -> None:
    expected, record = _load(seed)
    peers = {p["name"] for p in record["peers"]}
    for person in expected["not_peers"]:
        assert person["name"] not in peers


@pytest.mark.parametrize("seed", SEEDS)
def test_signposts(seed: str) -> None:
    expected, record = _load(seed)
    found = {s["title"]: _names(s["councils"]) for s in record["signposts"]}
    assert found == {s["title"]: set(s["councils"]) for s in expected["signposts"]}


@pytest.mark.parametrize("seed", SEEDS)
def test_recommendation_counts(seed: str) -> None:
    expected, record = _load(seed)
    recs = record["recommendations"]
    wanted = expected["recommendations"]
    counts = {
        "key": sum(r["key"] for r in recs),
        "further_in_annex_i": sum(r["group"] == "further" for r in recs),
        "suggestions_for_consideration": sum(r["group"] == "suggestion" for r in recs),
        "peer_recommendations_in_appendix_b": sum(r["group"] == "comment" for r in recs),
    }
    if seed.startswith("001"):
        wanted = {**wanted, "further_in_annex_i": ANNEX_I_FURTHER_IN_001}
    for field, number in wanted.items():
        if field != "notes":
            assert counts[field] == number, field
    # Nothing counted that the expected file does not mention.
    for field, number in counts.items():
        if field not in wanted:
            assert number == 0, field


@pytest.mark.parametrize("seed", SEEDS)
def test_themes(seed: str) -> None:
    """Themes are named canonically, so compare through the same canonical mapping."""
    expected, record = _load(seed)
    wanted = {theme_of(t) or t for t in expected["themes"]}
    assert set(record["themes"]) == wanted


@pytest.mark.parametrize("seed", SEEDS)
def test_shared_services(seed: str) -> None:
    expected, record = _load(seed)
    found = {frozenset(_names(s["councils"])) for s in record["shared_services"]}
    assert found == {frozenset(s["councils"]) for s in expected["shared_services"]}
    assert all(s["what"] for s in record["shared_services"])


@pytest.mark.parametrize("seed", SEEDS)
def test_every_fact_has_provenance(seed: str) -> None:
    _, record = _load(seed)
    lines = (REPORTS / f"{seed}.txt").read_text().splitlines()
    facts = (
        record["peers"]
        + record["signposts"]
        + record["recommendations"]
        + record["shared_services"]
        + record["theme_evidence"]
    )
    for fact in facts:
        assert 1 <= fact["line"] <= len(lines)
        assert fact["evidence"] and len(fact["evidence"]) <= 300
    if record["review"]["councils"]:
        assert record["review"]["line"] and record["review"]["evidence"]
