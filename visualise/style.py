"""How each kind of node and relationship looks: colour, shape, size, legend.

Colours are the Okabe-Ito palette (distinguishable with the common forms of
colour blindness); every node label also has its own shape, so colour is never
the only cue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from graphload.model import Label, Rel


@dataclass(frozen=True)
class NodeStyle:
    colour: str
    shape: str  # a vis-network shape whose label sits below it
    glyph: str  # the legend's text symbol for the shape
    description: str


@dataclass(frozen=True)
class EdgeStyle:
    colour: str
    phrase: str = ""  # the relationship in plain words, as the map shows it
    dashes: bool = False
    width: float = 1.0
    description: str = ""
    directed: bool = True


NODE_STYLES: dict[str, NodeStyle] = {
    Label.COUNCIL: NodeStyle("#0072B2", "dot", "●", "a council"),
    Label.PEER: NodeStyle("#E69F00", "diamond", "◆", "a member of a peer team"),
    Label.REVIEW: NodeStyle("#009E73", "square", "■", "a peer challenge or review"),
    Label.ORGANISATION: NodeStyle("#7F7F7F", "triangle", "▲", "an employer that is not a council"),
    Label.SIGNPOST: NodeStyle("#CC79A7", "star", "★", "an example of good practice"),
    Label.THEME: NodeStyle("#56B4E9", "hexagon", "⬢", "what a review covered"),
    Label.RECOMMENDATION: NodeStyle("#B8860B", "triangleDown", "▼", "a recommendation"),
    Label.DOCUMENT: NodeStyle("#4D4D4D", "square", "■", "a source document"),
    "Group": NodeStyle("#8A8FA3", "dot", "◍", "closely joined nodes, drawn as one: click to open"),
}
UNKNOWN_NODE = NodeStyle("#999999", "dot", "●", "other")

EDGE_STYLES: dict[str, EdgeStyle] = {
    Rel.OF: EdgeStyle("#009E73", "review of", description="the council a review looked at"),
    Rel.REVIEWED_BY: EdgeStyle(
        "#0072B2", "reviewed by", description="the council was reviewed by this peer"
    ),
    Rel.SERVED_ON: EdgeStyle("#E69F00", "served on", description="the peer's place on the team"),
    Rel.WORKS_FOR: EdgeStyle(
        "#9A9A9A", "works for", dashes=True, description="the peer's employer"
    ),
    Rel.SHARED_WITH: EdgeStyle(
        "#D55E00",
        "shares with",
        width=3.0,
        directed=False,
        description="shared chief executive, management or services",
    ),
    Rel.SUCCEEDED_BY: EdgeStyle(
        "#222222", "succeeded by", dashes=True, width=2.0, description="reorganisation"
    ),
    Rel.RECOMMENDS: EdgeStyle(
        "#CC79A7", "signposts", description="the review signposted this example"
    ),
    Rel.FEATURES: EdgeStyle(
        "#CC79A7", "features", dashes=True, description="the example is about this council"
    ),
    "SIGNPOSTED_IN": EdgeStyle(
        "#CC79A7",
        "signposted in",
        width=2.0,
        description="derived: a review signposted an example of this council's practice",
    ),
    Rel.MADE: EdgeStyle("#B8860B", "made", description="the review's advice"),
    Rel.ABOUT: EdgeStyle("#56B4E9", "about", dashes=True, description="what the advice is about"),
    Rel.COVERS: EdgeStyle("#56B4E9", "covers", description="what the review covered"),
    Rel.SOURCED_FROM: EdgeStyle(
        "#4D4D4D", "read from", dashes=True, description="where it was read"
    ),
    "GROUPED": EdgeStyle(
        "#A0A6B8",
        "joined to",
        directed=False,
        description="relationships between two groups (width: how many)",
    ),
    "SUPPLIED_PEERS_TO": EdgeStyle(
        "#0072B2",
        "supplied peers to",
        width=1.0,
        description="derived: people working for one council served on a review of the "
        "other (width: how many)",
    ),
}
UNKNOWN_EDGE = EdgeStyle("#AAAAAA")

MIN_SIZE = 9.0
MAX_SIZE = 42.0


def node_style(label: str) -> NodeStyle:
    return NODE_STYLES.get(label, UNKNOWN_NODE)


def edge_style(rel_type: str) -> EdgeStyle:
    return EDGE_STYLES.get(rel_type, UNKNOWN_EDGE)


def phrase(rel_type: str) -> str:
    """REVIEWED_BY → "reviewed by": a relationship type in plain words."""
    return edge_style(rel_type).phrase or rel_type.replace("_", " ").lower()


def node_size(degree: int) -> float:
    """Size grows with the square root of the degree (area ~ degree), capped."""
    return round(min(MAX_SIZE, MIN_SIZE + 4.0 * math.sqrt(max(degree, 0))), 1)


def legend(node_counts: dict[str, int], edge_counts: dict[str, int]) -> dict[str, list[dict]]:
    """The legend entries for what is drawn, in a stable order, with counts."""
    node_order = [*NODE_STYLES, *sorted(set(node_counts) - set(NODE_STYLES))]
    edge_order = [*EDGE_STYLES, *sorted(set(edge_counts) - set(EDGE_STYLES))]
    nodes = []
    for label in node_order:
        if node_counts.get(label):
            style = node_style(label)
            nodes.append(
                {
                    "kind": label,
                    "colour": style.colour,
                    "glyph": style.glyph,
                    "description": style.description,
                    "count": node_counts[label],
                }
            )
    edges = []
    for rel in edge_order:
        if edge_counts.get(rel):
            line_style = edge_style(rel)
            edges.append(
                {
                    "kind": rel,
                    "phrase": phrase(rel),
                    "colour": line_style.colour,
                    "dashes": line_style.dashes,
                    "description": line_style.description,
                    "count": edge_counts[rel],
                }
            )
    return {"nodes": nodes, "edges": edges}
