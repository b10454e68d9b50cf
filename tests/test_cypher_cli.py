"""The command line: reports, report NAME, cypher (write guard, errors, formats)."""

from __future__ import annotations

import csv
import io
import json

import pytest
import queries_fixtures
from click.testing import CliRunner

from graphload.cli import cli
from queries.catalog import list_reports
from queries.cli import parse_param

embedded_seed_store = queries_fixtures.embedded_seed_store


@pytest.fixture(scope="module")
def run(embedded_seed_store):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, [*args, "--store", str(embedded_seed_store)], input=input)

    return invoke


# ---------------------------------------------------------------- reports / report


def test_reports_lists_every_report_with_its_description() -> None:
    result = CliRunner().invoke(cli, ["reports"])
    assert result.exit_code == 0
    for spec in list_reports():
        assert spec.name in result.output
        assert spec.description.split()[0] in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


@pytest.mark.parametrize("spec", list_reports(), ids=lambda s: s.name)
def test_every_report_table_fits_80_columns(run, spec) -> None:
    result = run("report", spec.name, *spec.example.split())
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) > 2
    assert max(len(line) for line in lines) <= 80


@pytest.mark.parametrize(
    "args",
    [
        ["report", "council", "bury"],
        ["report", "council", "Bury", "Council"],
        ["report", "council", "BUR"],
        ["report", "Council", "bury metropolitan borough council"],
        ["report", "peer", "dai", "larner"],
        ["report", "peer", "Dai Lerner"],
    ],
)
def test_names_are_matched_forgivingly(run, args) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert ("(BUR)" in result.output) or ("Dai Larner" in result.output)


def test_report_options_and_json(run) -> None:
    result = run("report", "repeat-peers", "--min", "1", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data and set(data[0]) == {"peer", "reviews", "years", "councils_reviewed", "roles"}
    assert json.loads(run("report", "repeat-peers", "--format", "json").output) == []


def test_report_csv(run) -> None:
    result = run("report", "signposts", "--format", "csv")
    assert result.exit_code == 0
    table = list(csv.reader(io.StringIO(result.output)))
    assert table[0] == ["signpost", "reviews", "features", "recommended_to"]
    assert len(table) == 6


def test_unknown_report_suggests_and_fails(run) -> None:
    result = run("report", "repeat-peer")
    assert result.exit_code == 0  # a unique prefix is enough
    result = run("report", "sharedservice")
    assert result.exit_code != 0
    assert "shared-services" in result.output


def test_unknown_name_suggests_and_fails(run) -> None:
    result = run("report", "council", "Bury St Edmunds")
    assert result.exit_code == 1
    assert "Bury" in result.output
    assert "Traceback" not in result.output


def test_ambiguous_name_lists_choices_and_fails(run) -> None:
    result = run("report", "peer", "paul")
    assert result.exit_code == 1
    assert "Paul James" in result.output and "Paul Clarke" in result.output


def test_path_report(run) -> None:
    result = run("report", "path", "babergh", "bromsgrove", "--format", "json")
    assert result.exit_code == 0, result.output
    steps = json.loads(result.output)
    assert [s["to"].split(" (")[0] for s in steps] == ["Kevin Dicks", "Bromsgrove"]


# ------------------------------------------------------------------------- cypher


def test_cypher_json_rows_with_nodes(run) -> None:
    result = run(
        "cypher",
        "MATCH (c:Council {id: $id}) RETURN c, c.name AS name",
        "-p",
        "id=BUR",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)
    assert row["name"] == "Bury Metropolitan Borough Council"
    assert row["c"]["id"] == "BUR" and row["c"]["_labels"] == ["Council"]


def test_cypher_relationship_renders_type(run) -> None:
    result = run(
        "cypher", "MATCH (:Peer)-[r:SERVED_ON]->(:Review) RETURN r LIMIT 1", "--format", "json"
    )
    assert json.loads(result.output)[0]["r"]["_type"] == "SERVED_ON"


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Council {id: 'ZZZ'})",
        "MATCH (n:Council) SET n.name = 'x'",
        "MATCH (n) DETACH DELETE n",
        "MERGE (n:Council {id: 'ZZZ'})",
        "MATCH (n:Council) REMOVE n.name",
    ],
)
def test_cypher_refuses_writes_without_write(run, query: str) -> None:
    result = run("cypher", query)
    assert result.exit_code == 1
    assert "--write" in result.output
    count = run("cypher", "MATCH (n:Council {id: 'ZZZ'}) RETURN count(n) AS n", "--format", "json")
    assert json.loads(count.output) == [{"n": 0}]
    names = run("cypher", "MATCH (n:Council {name: 'x'}) RETURN count(n) AS n", "--format", "json")
    assert json.loads(names.output) == [{"n": 0}]


def test_cypher_write_allowed_with_flag(run) -> None:
    result = run("cypher", "MERGE (n:Scratch {id: 'cli-test'}) RETURN n.id AS id", "--write")
    assert result.exit_code == 0, result.output
    assert "cli-test" in result.output
    run("cypher", "MATCH (n:Scratch) DELETE n", "--write")


def test_cypher_strings_and_property_names_are_not_writes(run) -> None:
    result = run("cypher", "MATCH (c:Council) WHERE c.created IS NULL RETURN 'create' AS x LIMIT 1")
    assert result.exit_code == 0, result.output


def test_cypher_engine_error_is_one_message(run) -> None:
    result = run("cypher", "MATCH (n RETURN n")
    assert result.exit_code == 1
    assert result.output.startswith("error: ")
    assert "Traceback" not in result.output


def test_cypher_from_file_and_stdin(run, tmp_path) -> None:
    query = "MATCH (r:Review) RETURN count(r) AS reviews"
    path = tmp_path / "q.cypher"
    path.write_text(query)
    from_file = run("cypher", "-f", str(path), "--format", "csv")
    from_stdin = run("cypher", "-", "--format", "csv", input=query)
    assert from_file.output == from_stdin.output == "reviews\n5\n"


def test_cypher_needs_a_query() -> None:
    assert CliRunner().invoke(cli, ["cypher"]).exit_code != 0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("n=3", 3),
        ("x=2.5", 2.5),
        ("b=true", True),
        ("b=False", False),
        ("v=null", None),
        ("l=[1, 2]", [1, 2]),
        ('m={"a": 1}', {"a": 1}),
        ("s=Bury", "Bury"),
        ("s=007", "007"),
        ("$s=a=b", "a=b"),
    ],
)
def test_param_values_are_typed(text: str, value) -> None:
    assert parse_param(text)[1] == value
