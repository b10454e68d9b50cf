"""Reviewed bodies in the graph (typed organisations, progress reviews linked to the
challenge they follow) and the CLI's --council and --explain, on invented documents."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from graphload.build import build_graph
from graphload.cli import cli
from graphload.gazetteer import Gazetteer
from tests.extract_helpers import extract_text

CHALLENGE = (
    "Corporate Peer Challenge Torbay Council\n\n4-7 March 2019\n\n"
    "The peers were:\n- Ann Example, Chief Executive, Wealden District Council\n\nProse.\n"
)
PROGRESS = (
    "Corporate Peer Challenge Progress Review Torbay Council\n\n14-15 January 2020\n\n"
    "Torbay Council invited the team back to review progress.\n"
)
UNNAMED = (
    "Corporate Peer Challenge\n\n4-7 March 2019\n\n"
    "The peers were:\n- Ann Example, Chief Executive, Wealden District Council\n\n"
    "The Council is ambitious.\n"
)


def edges(graph, rel_type: str) -> set[tuple[str, str]]:
    return {(u, v) for u, v, d in graph.edges(data=True) if d["type"] == rel_type}


def test_a_progress_review_follows_up_the_challenge(tmp_path: Path) -> None:
    challenge = extract_text(tmp_path, CHALLENGE, "a.txt")
    progress = extract_text(tmp_path, PROGRESS, "b.txt")
    other = extract_text(tmp_path, PROGRESS.replace("Torbay", "Rutland County"), "c.txt")
    graph = build_graph([challenge, progress, other], Gazetteer.load())
    reviews = {
        (
            d["kind"],
            tuple(sorted(v for _, v, e in graph.out_edges(n, data=True) if e["type"] == "OF")),
        ): n
        for n, d in graph.nodes(data=True)
        if "Review" in d["labels"]
    }
    follow = reviews[("Corporate Peer Challenge Progress Review", ("TOB",))]
    original = reviews[("Corporate Peer Challenge", ("TOB",))]
    rutland = reviews[("Corporate Peer Challenge Progress Review", ("RUT",))]
    assert edges(graph, "FOLLOWS_UP") == {(follow, original)}
    assert rutland not in {u for u, _ in edges(graph, "FOLLOWS_UP")}


def test_a_fire_and_rescue_service_is_a_typed_organisation_in_the_graph(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Kent Fire and Rescue Service\nFire Peer Challenge\n\nMay 2016\n\n"
        "The peers were:\n- Bea North, Director, Metropolitan Police\n\nProse.\n",
    )
    graph = build_graph([record], Gazetteer.load())
    (review,) = [n for n, d in graph.nodes(data=True) if "Review" in d["labels"]]
    (target,) = [v for _, v, d in graph.out_edges(review, data=True) if d["type"] == "OF"]
    node = graph.nodes[target]
    assert node["labels"] == ["Organisation"]
    assert (node["name"], node["type"]) == (
        "Kent Fire and Rescue Service",
        "fire and rescue service",
    )
    police = [d for _, d in graph.nodes(data=True) if d.get("name") == "Metropolitan Police"]
    assert police and police[0]["type"] == "police"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_council_option_states_the_council_of_a_document_that_never_names_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "unnamed.txt"
    path.write_text(UNNAMED, encoding="utf-8")
    without = run("extract", str(path))
    assert "(reviewed council not named)" in without.stdout
    stated = run("extract", "--council", "Torbay", str(path))
    assert stated.exit_code == 0
    assert "Corporate Peer Challenge of Torbay Council" in stated.stdout


def test_unknown_council_option_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "unnamed.txt"
    path.write_text(UNNAMED, encoding="utf-8")
    result = run("extract", "--council", "Nowhere Shire", str(path))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_load_council_option_puts_the_stated_council_in_the_graph(tmp_path: Path) -> None:
    path = tmp_path / "docs" / "unnamed.txt"
    path.parent.mkdir()
    path.write_text(UNNAMED, encoding="utf-8")
    store = tmp_path / "store"
    assert (
        run("load", str(path.parent), "--store", str(store), "--council", "Torbay").exit_code == 0
    )
    result = run("cypher", "--store", str(store), "MATCH (r:Review)-[:OF]->(c:Council) RETURN c.id")
    assert "TOB" in result.stdout


def test_explain_shows_the_cues_and_the_runners_up(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(CHALLENGE, encoding="utf-8")
    result = run("extract", "--explain", str(path))
    assert "chosen: Torbay Council" in result.stdout
    assert "named in the title (line 1" in result.stdout
    assert "Wealden District Council" in result.stdout and "a peer's employer" in result.stdout
    assert "peer: Ann Example (line 6" in result.stdout


def test_explain_beside_json_goes_to_stderr(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(CHALLENGE, encoding="utf-8")
    result = run("extract", "--format", "json", "--explain", str(path))
    assert "chosen: Torbay Council" in result.stderr
    assert result.stdout.lstrip().startswith("[")
