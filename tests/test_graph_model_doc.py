"""docs/GRAPH-MODEL.md (the public contract) and graphload/model.py say the same.

Every label, relationship type, endpoint and listed property of the document is in
the model, and the model has nothing the document does not describe (provenance
properties are described once, in the paragraph after the relationship table).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graphload import model

DOC = Path(__file__).resolve().parent.parent / "docs" / "GRAPH-MODEL.md"
_CODE = re.compile(r"`([^`]+)`")
_PATTERN = re.compile(
    r"\(:(?P<source>[\w|]+)\)-\[:(?P<type>\w+)(?:\s*\{(?P<props>[^}]*)\})?\]->\(:(?P<target>[\w|]+)\)"
)


def _section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _table_rows(section: str) -> list[list[str]]:
    rows = []
    for line in section.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows[1:]  # the header


def documented_nodes() -> dict[str, set[str]]:
    """Label -> the properties the node table lists (besides the key ``id``)."""
    nodes: dict[str, set[str]] = {}
    for cells in _table_rows(_section("Nodes")):
        label = _CODE.findall(cells[0])[0]
        # only backticked words that look like property names; ids and examples have ':' etc.
        props = {p for p in _CODE.findall(cells[-1]) if re.fullmatch(r"[a-z_][a-z0-9_]*", p)}
        nodes[label] = props
    return nodes


def documented_relationships() -> dict[str, tuple[set[str], set[str], set[str]]]:
    """Type -> (source labels, target labels, listed properties)."""
    rels: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for line in _section("Relationships").splitlines():
        # the whole line: a pattern such as (:Council|Organisation) holds a '|'
        for match in _PATTERN.finditer(line):
            props = {p.strip() for p in (match["props"] or "").split(",") if p.strip()}
            rels[match["type"]] = (
                set(match["source"].split("|")),
                set(match["target"].split("|")),
                props,
            )
    return rels


def documented_provenance() -> set[str]:
    section = _section("Relationships")
    paragraph = section[section.index("Every node and relationship") :]
    paragraph = paragraph.split("\n\n", 1)[0]
    return {p for p in _CODE.findall(paragraph) if p in {"source", "evidence", "line", "page"}}


def test_the_document_is_parsed() -> None:
    # guards the parser itself: if the tables' layout changes, say so here
    assert len(documented_nodes()) >= 8
    assert len(documented_relationships()) >= 12


def test_labels_match() -> None:
    labels = {v for k, v in vars(model.Label).items() if not k.startswith("_")}
    assert set(documented_nodes()) == labels == set(model.NODE_PROPERTIES)


def test_relationship_types_match() -> None:
    types = {v for k, v in vars(model.Rel).items() if not k.startswith("_")}
    assert set(documented_relationships()) == types == set(model.RELATIONSHIP_PROPERTIES)


def test_provenance_matches() -> None:
    assert documented_provenance() == set(model.PROVENANCE)


@pytest.mark.parametrize("label", sorted(model.NODE_PROPERTIES))
def test_node_properties_match(label: str) -> None:
    in_model = set(model.NODE_PROPERTIES[label]) - set(model.PROVENANCE)
    assert documented_nodes()[label] == in_model


@pytest.mark.parametrize("rel_type", sorted(model.RELATIONSHIP_PROPERTIES))
def test_relationships_match(rel_type: str) -> None:
    sources, targets, props = documented_relationships()[rel_type]
    model_sources, model_targets = model.RELATIONSHIP_ENDPOINTS[rel_type]
    assert (sources, targets) == (set(model_sources), set(model_targets))
    in_model = set(model.RELATIONSHIP_PROPERTIES[rel_type]) - set(model.PROVENANCE)
    # SOURCED_FROM's `source` is its one property, not provenance of a sentence
    if rel_type == model.Rel.SOURCED_FROM:
        in_model = set()
    assert props == in_model


def test_identity_properties_are_documented() -> None:
    for rel_type, prop in model.IDENTITY_PROPERTY.items():
        assert prop in documented_relationships()[rel_type][2]


# ------------------------------------------------- the canned reports speak the model

QUERIES = Path(__file__).resolve().parent.parent / "queries"
_NODE_LABEL = re.compile(r"\(\s*\w*\s*:\s*([A-Z]\w*)")
_REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*([A-Z_|:\s]+?)\s*[\]{*]")


def _cypher(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    code = "\n".join(line for line in lines if not line.lstrip().startswith("//"))
    return re.sub(r"'[^']*'", "''", code)  # string literals name no label


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.cypher")), ids=lambda p: p.name)
def test_reports_use_only_model_labels_and_types(path: Path) -> None:
    text = _cypher(path)
    labels = set(_NODE_LABEL.findall(text))
    types = {
        t.strip(": ")
        for group in _REL_TYPES.findall(text)
        for t in group.split("|")
        if t.strip(": ")
    }
    assert labels <= set(model.NODE_PROPERTIES), labels - set(model.NODE_PROPERTIES)
    assert types <= set(model.RELATIONSHIP_PROPERTIES), types - set(model.RELATIONSHIP_PROPERTIES)


def test_the_report_checker_sees_labels_and_types() -> None:
    sample = "MATCH (c:Council)-[r:REVIEWED_BY|SERVED_ON]->(:Peer)<-[:WORKS_FOR*1..2]-(x)"
    assert set(_NODE_LABEL.findall(sample)) == {"Council", "Peer"}
    assert {t for g in _REL_TYPES.findall(sample) for t in g.split("|")} == {
        "REVIEWED_BY",
        "SERVED_ON",
        "WORKS_FOR",
    }
