"""A realistic synthetic peergraph graph of N nodes, in the GRAPH-MODEL.md shape.

Used by the map tests and benchmarks (and importable by anyone who needs a graph
without a store): ``synthetic_graph(n_nodes, seed=0)`` returns a
``networkx.MultiDiGraph`` whose nodes carry ``labels`` plus the contract's
properties and whose edges are keyed by relationship type with a ``type``
attribute, ``source``/``evidence``/``line`` provenance where the contract has it.

The proportions follow the seed reports: a review looks at one council (sometimes
two), has a team of five to eight peers who work for councils or the LGA, covers
a handful of themes, makes ten to thirty recommendations and now and then
signposts an example of good practice at other councils. Peers and councils recur
across reviews, which is what makes the network interesting.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator

import networkx as nx

from graphload.model import (
    Label,
    Rel,
    document_id,
    organisation_id,
    peer_id,
    recommendation_id,
    signpost_id,
    theme_id,
)
from graphload.model import review_id as mint_review_id

PLACES = [
    "Adur",
    "Allerdale",
    "Arun",
    "Ashfield",
    "Babergh",
    "Barnsley",
    "Basildon",
    "Bassetlaw",
    "Bedford",
    "Blaby",
    "Bolsover",
    "Boston",
    "Braintree",
    "Breckland",
    "Bromsgrove",
    "Broxtowe",
    "Burnley",
    "Bury",
    "Calderdale",
    "Cherwell",
    "Chorley",
    "Colchester",
    "Copeland",
    "Craven",
    "Dacorum",
    "Darlington",
    "Dover",
    "Eastleigh",
    "Eden",
    "Exeter",
    "Fenland",
    "Gedling",
    "Gloucester",
    "Gosport",
    "Halton",
    "Harlow",
    "Hastings",
    "High Peak",
    "Hyndburn",
    "Ipswich",
    "Kirklees",
    "Lewes",
    "Lincoln",
    "Luton",
    "Maldon",
    "Mendip",
    "Mid Suffolk",
    "Newark",
    "North Dorset",
    "Norwich",
    "Oldham",
    "Pendle",
    "Plymouth",
    "Preston",
    "Redditch",
    "Rochdale",
    "Rother",
    "Rugby",
    "Selby",
    "Sefton",
    "Slough",
    "South Holland",
    "Stafford",
    "Stevenage",
    "Stoke-on-Trent",
    "Stroud",
    "Swale",
    "Tamworth",
    "Tendring",
    "Thanet",
    "Torbay",
    "Waveney",
    "Wealden",
    "West Dorset",
    "Wigan",
    "Woking",
    "Worthing",
    "Wyre",
    "York",
]
KINDS = [
    ("District Council", "district"),
    ("Borough Council", "borough"),
    ("City Council", "city"),
    ("Metropolitan Borough Council", "metropolitan borough"),
    ("County Council", "county"),
    ("Council", "unitary"),
]
ORGANISATIONS = [
    "Local Government Association",
    "NHS England",
    "Public Health England",
    "Solace",
    "CIPFA",
    "Home Office",
    "Care Quality Commission",
]
FIRST = [
    "Alison",
    "Andrew",
    "Bindu",
    "Carol",
    "Chris",
    "Claire",
    "Dai",
    "David",
    "Emma",
    "Fiona",
    "Gareth",
    "Helen",
    "Imran",
    "Jane",
    "Jo",
    "Karen",
    "Kevin",
    "Lesley",
    "Mark",
    "Matt",
    "Nick",
    "Paul",
    "Priya",
    "Raj",
    "Rachel",
    "Sarah",
    "Simon",
    "Tudor",
    "Trevor",
    "Yvonne",
]
LAST = [
    "Arjoon",
    "Bowron",
    "Carter",
    "Dicks",
    "Evans",
    "Fletcher",
    "Green",
    "Hudson",
    "Iveson",
    "James",
    "Jones",
    "Khan",
    "Khera",
    "Larner",
    "Morgan",
    "Nolan",
    "O'Brien",
    "Patel",
    "Prosser",
    "Quinn",
    "Roberts",
    "Shah",
    "Taylor",
    "Turner",
    "Walsh",
    "Worth",
    "Young",
]
ROLES = [
    ("Chief Executive", False),
    ("Deputy Chief Executive", False),
    ("Executive Director", False),
    ("Director of Finance", False),
    ("Leader", True),
    ("Deputy Leader", True),
    ("Cabinet Member for Resources", True),
    ("Chair of Audit and Scrutiny Committee", True),
    ("LGA Peer Challenge Manager", False),
]
PARTIES = [None, None, "Labour", "Conservative", "Liberal Democrat", "Independent"]
THEMES = [
    "Understanding of the local place and priority setting",
    "Leadership of place",
    "Organisational leadership and governance",
    "Financial planning and viability",
    "Capacity to deliver",
    "Political and managerial leadership",
    "Economic growth",
    "Housing delivery",
    "Customer services",
    "Digital transformation",
    "Partnership working",
    "Governance and decision-making",
]
SIGNPOSTS = [
    "Shared management model",
    "Digital by default",
    "Commercial strategy",
    "Member development programme",
    "Place-based partnership",
    "Locality working",
    "Income generation",
    "Transformation programme",
    "Community hubs",
    "Asset review",
]
SHARED = [
    "shared chief executive",
    "single management team",
    "shared revenues and benefits",
    "shared legal service",
    "shared waste service",
    "shared ICT",
]
RECOMMENDATION_VERBS = [
    "Develop",
    "Agree",
    "Review",
    "Strengthen",
    "Refresh",
    "Communicate",
    "Prioritise",
    "Invest in",
    "Clarify",
    "Build on",
]
RECOMMENDATION_OBJECTS = [
    "the medium term financial strategy",
    "the corporate plan",
    "member and officer roles",
    "the organisational development plan",
    "the approach to commercialisation",
    "partnership governance",
    "the housing delivery programme",
    "the digital strategy",
    "performance management",
    "engagement with residents",
]


class _Builder:
    """Adds nodes until the budget runs out; edges to missing nodes are skipped."""

    def __init__(self, graph: nx.MultiDiGraph, budget: int) -> None:
        self.graph = graph
        self.budget = budget

    @property
    def full(self) -> bool:
        return self.graph.number_of_nodes() >= self.budget

    def node(self, node_id: str, label: str, **props: object) -> bool:
        if node_id in self.graph:
            return True
        if self.full:
            return False
        self.graph.add_node(node_id, id=node_id, labels=[label], **props)
        return True

    def edge(self, src: str, dst: str, rel: str, **props: object) -> None:
        if src in self.graph and dst in self.graph and not self.graph.has_edge(src, dst, rel):
            self.graph.add_edge(src, dst, key=rel, type=rel, **props)


def _councils(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(id, official name, short name, kind) for every synthetic council, the
    often-reviewed first (callers pick with a skew towards the front)."""
    out: list[tuple[str, str, str, str]] = []
    codes: set[str] = set()
    places = PLACES + [f"{d} {p}" for d in ("North", "South", "East", "West") for p in PLACES]
    for place in places:
        suffix, kind = rng.choice(KINDS)
        code = "".join(w[0] for w in place.split()) + place.split()[-1][1:3]
        code = code.replace("-", "").upper()[:3]
        while code in codes:
            code = code[:2] + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
        codes.add(code)
        out.append((code, f"{place} {suffix}", place, kind))
    rng.shuffle(out)
    return out


def _people(rng: random.Random) -> Iterator[str]:
    seen: set[str] = set()
    misses = 0
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in seen:
            name = f"{rng.choice(FIRST)} {rng.choice(FIRST)[0]}. {rng.choice(LAST)}"
        if name in seen and misses > 3:  # the big graphs use up the plainer names
            a, b = (chr(65 + rng.randrange(26)) for _ in range(2))
            name = f"{rng.choice(FIRST)} {a}. {b}. {rng.choice(LAST)}"
        if name not in seen:
            misses = 0
            seen.add(name)
            yield name
        else:
            misses += 1


def synthetic_graph(
    n_nodes: int, seed: int = 0, *, recommendations: bool = True
) -> nx.MultiDiGraph:
    """A graph of exactly ``n_nodes`` nodes (give or take the last review's edges).

    ``recommendations=False`` leaves out Recommendation nodes (and their MADE and
    ABOUT edges), which the maps do not draw, so that more of the budget goes to
    councils, peers, reviews and signposts.
    """
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    b = _Builder(graph, n_nodes)
    councils = _councils(rng)

    def pick_councils(k: int) -> list[tuple[str, str, str, str]]:
        """k distinct councils, skewed so that some recur often; each is added."""
        chosen: list[tuple[str, str, str, str]] = []
        while len(chosen) < k:
            c = councils[
                min(int(rng.paretovariate(0.8)) - 1, len(councils) - 1)
                if rng.random() < 0.5
                else rng.randrange(len(councils))
            ]
            if c not in chosen:
                chosen.append(c)
        return [
            c
            for c in chosen
            if b.node(c[0], Label.COUNCIL, name=c[1], short_name=c[2], aliases=[c[2]], kind=c[3])
        ]

    def organisation(name: str) -> str:
        org_id = organisation_id(name)
        b.node(org_id, Label.ORGANISATION, name=name, aliases=[])
        return org_id

    def theme(name: str) -> str:
        node_id = theme_id(name)
        b.node(node_id, Label.THEME, name=name)
        return node_id

    names = _people(rng)
    peers: list[tuple[str, str, str, str]] = []  # id, name, employer id, role
    review_no = 0
    while not b.full:
        review_no += 1
        year = 2010 + (review_no * 7 // 10 + rng.randint(0, 2)) % 14
        reviewed = pick_councils(2 if rng.random() < 0.15 else 1)
        if not reviewed:
            break
        kind = rng.choice(["corporate peer challenge"] * 4 + ["finance peer review"])
        review_id = mint_review_id([c[0] for c in reviewed], year, kind, "")
        if review_id in graph:
            if review_no < 4 * len(councils) * 14:
                continue
            # a graph bigger than the councils and years allow: a second review
            # of the same council in the same year, so that the budget can be met
            review_id = f"{review_id}:{review_no}"
        sha = hashlib.sha256(f"{review_id}-{seed}".encode()).hexdigest()
        doc_id = document_id(sha)
        who = " and ".join(c[1] for c in reviewed)
        if not b.node(
            doc_id,
            Label.DOCUMENT,
            path=f"data/reports/{review_no:03d}_{sha[:16]}.txt",
            sha256=sha,
            format="txt",
            title=f"{who} {kind} report",
        ):
            break
        if not b.node(
            review_id,
            Label.REVIEW,
            kind=kind,
            title=f"{who}: {kind} {year}",
            year=year,
            start_date=f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            end_date=None,
            source=doc_id,
            line=1,
            evidence=f"{who} invited the LGA to undertake a {kind} in {year}.",
        ):
            break
        b.edge(review_id, doc_id, Rel.SOURCED_FROM)
        for c in reviewed:
            b.edge(
                review_id,
                c[0],
                Rel.OF,
                source=doc_id,
                line=3,
                evidence=f"This report summarises the findings of the {kind} at {c[1]}.",
            )
        # the peer team: some recurring peers, some new ones
        line = 20
        team: list[tuple[str, str, str, str]] = []
        for _ in range(rng.randint(5, 8)):
            if peers and rng.random() < 0.3:
                peer = rng.choice(peers)
                if peer in team:
                    continue
            else:
                name = next(names)
                role, councillor = rng.choice(ROLES)
                if role.startswith("LGA"):
                    employer = organisation(ORGANISATIONS[0])
                elif rng.random() < 0.1:
                    employer = organisation(rng.choice(ORGANISATIONS[1:]))
                else:
                    employer = (pick_councils(1) or [("", "", "", "")])[0][0]
                peer = (peer_id(name), name, employer, role)
                if not b.node(
                    peer[0],
                    Label.PEER,
                    name=name,
                    aliases=[name],
                    councillor=councillor,
                    party=rng.choice(PARTIES) if councillor else None,
                    source=doc_id,
                    line=line,
                ):
                    break
                peers.append(peer)
                if employer in graph:
                    b.edge(
                        peer[0],
                        employer,
                        Rel.WORKS_FOR,
                        role=role,
                        year=year,
                        source=doc_id,
                        line=line,
                        evidence=f"{name}, {role}, {graph.nodes[employer]['name']}",
                    )
            team.append(peer)
            line += 1
            b.edge(
                peer[0],
                review_id,
                Rel.SERVED_ON,
                role=peer[3],
                source=doc_id,
                line=line,
                evidence=f"The peer team was made up of: {peer[1]} ({peer[3]}).",
            )
            for c in reviewed:
                b.edge(
                    c[0],
                    peer[0],
                    Rel.REVIEWED_BY,
                    review=review_id,
                    year=year,
                    source=doc_id,
                    line=line,
                    evidence=f"{peer[1]} was a member of the peer team at {c[1]}.",
                )
        themes = [theme(t) for t in rng.sample(THEMES, rng.randint(3, 6))]
        for theme_node in themes:
            b.edge(review_id, theme_node, Rel.COVERS, source=doc_id, line=line)
        if rng.random() < 0.45:
            for _ in range(rng.randint(1, 4)):
                featured = pick_councils(rng.randint(0, 2))
                title = rng.choice(SIGNPOSTS)
                if featured:
                    title = f"{' and '.join(c[2] for c in featured)}: {title.lower()}"
                sp_id = signpost_id(title)
                if not b.node(
                    sp_id,
                    Label.SIGNPOST,
                    title=title,
                    summary=f"An example of {title.lower()} worth looking at.",
                    source=doc_id,
                    line=line,
                ):
                    break
                line += 7
                b.edge(
                    review_id,
                    sp_id,
                    Rel.RECOMMENDS,
                    source=doc_id,
                    line=line,
                    evidence=f"Signpost – {title}: the council may wish to look at this.",
                )
                for c in featured:
                    b.edge(
                        sp_id,
                        c[0],
                        Rel.FEATURES,
                        source=doc_id,
                        line=line,
                        evidence=f"{c[1]} is a good example of this.",
                    )
        if rng.random() < 0.25:
            partner = pick_councils(1)
            if partner and partner[0] != reviewed[0]:
                lo, hi = sorted((reviewed[0], partner[0]))
                what = rng.choice(SHARED)
                b.edge(
                    lo[0],
                    hi[0],
                    Rel.SHARED_WITH,
                    what=what,
                    year=year,
                    source=doc_id,
                    line=line,
                    evidence=f"{lo[1]} and {hi[1]} have a {what}.",
                )
        if rng.random() < 0.03:
            successor = pick_councils(1)
            if successor and successor[0] != reviewed[0]:
                b.edge(
                    reviewed[0][0],
                    successor[0][0],
                    Rel.SUCCEEDED_BY,
                    date=f"{rng.randint(2019, 2023)}-04-01",
                )
        if recommendations:
            for n in range(1, rng.randint(10, 30) + 1):
                text = f"{rng.choice(RECOMMENDATION_VERBS)} {rng.choice(RECOMMENDATION_OBJECTS)}."
                rec_id = recommendation_id(review_id, n)
                if not b.node(
                    rec_id,
                    Label.RECOMMENDATION,
                    text=text,
                    key=n <= 6,
                    ordinal=n,
                    source=doc_id,
                    line=line + n,
                    evidence=text,
                ):
                    break
                b.edge(review_id, rec_id, Rel.MADE, source=doc_id, line=line + n)
                b.edge(rec_id, rng.choice(themes), Rel.ABOUT)
    return graph


if __name__ == "__main__":  # pragma: no cover - a quick look at the shape
    import sys
    from collections import Counter

    g = synthetic_graph(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
    print(g.number_of_nodes(), "nodes", g.number_of_edges(), "edges")
    print(Counter(d["labels"][0] for _, d in g.nodes(data=True)))
    print(Counter(k for _, _, k in g.edges(keys=True)))
