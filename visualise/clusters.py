"""Big maps as groups: one node per community, opened on click.

Above :data:`CLUSTER_ABOVE` drawn nodes a map's overview shows one node per
community (networkx's Louvain, seeded, so a map is the same every time it is
drawn), sized by its members and joined by the number of relationships between
the groups. Clicking a group puts its members in its place, laid out around it;
their positions are computed here, and each group's members travel in their own
JSON block that the page reads only when the group is opened. The choice of
clusters over a WebGL renderer, and the threshold, are measured in docs/maps.md.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable

import networkx as nx
import numpy as np

from graphload.model import Label
from visualise.layout import force_layout, separate_circles, spread_out

#: drawn nodes above which the overview shows groups (measured: docs/maps.md)
CLUSTER_ABOVE = 1000
#: a community bigger than this is split again (its members must be quick to open)
LARGEST_GROUP = 700
#: a community smaller than this joins its best-joined neighbour (fewer, fuller groups)
SMALLEST_GROUP = 200
#: the overview draws each group's strongest links to other groups, this many at most
LINKS_PER_GROUP = 6
GROUP_GAP = 40.0  # pixels between two opened groups


def communities(graph: nx.MultiDiGraph, seed: int = 1) -> list[list[str]]:
    """Groups of nodes that are joined more within than without, none bigger than
    :data:`LARGEST_GROUP`, biggest first."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    pending = [set(c) for c in nx.community.louvain_communities(simple, seed=seed)]
    done: list[list[str]] = []
    while pending:
        group = pending.pop()
        if len(group) <= LARGEST_GROUP:
            done.append(sorted(group))
            continue
        parts = nx.community.louvain_communities(simple.subgraph(group), seed=seed, resolution=2.0)
        if len(parts) == 1:  # cannot be split by its structure: cut it in order
            ordered = sorted(group)
            parts = [
                set(ordered[i : i + LARGEST_GROUP]) for i in range(0, len(ordered), LARGEST_GROUP)
            ]
        pending.extend(set(p) for p in parts)
    return sorted(_merge_small(done, simple), key=lambda g: (-len(g), g[0]))


def _merge_small(groups: list[list[str]], simple: nx.Graph) -> list[list[str]]:
    """Small groups joined to the neighbour group they share most relationships
    with (while it stays within :data:`LARGEST_GROUP`); the unjoined pooled."""
    root = list(range(len(groups)))
    size = [len(g) for g in groups]
    where = {m: i for i, g in enumerate(groups) for m in g}

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    pool = None
    for i in sorted(range(len(groups)), key=lambda i: size[i]):
        mine = find(i)
        if size[mine] >= SMALLEST_GROUP:
            continue
        links: Counter[int] = Counter()
        for member in groups[i]:
            for other in simple.neighbors(member):
                j = find(where[other])
                if j != mine:
                    links[j] += 1
        target = next(
            (j for j, _ in links.most_common() if size[j] + size[mine] <= LARGEST_GROUP), None
        )
        if target is None:
            if pool is None or size[find(pool)] + size[mine] > LARGEST_GROUP:
                pool = mine
                continue
            target = find(pool)
        root[mine] = target
        size[target] += size[mine]
    merged: dict[int, list[str]] = {}
    for i, group in enumerate(groups):
        merged.setdefault(find(i), []).extend(group)
    return [sorted(g) for g in merged.values()]


def strongest_links(between: Counter[tuple[int, int]]) -> Counter[tuple[int, int]]:
    """Each group's :data:`LINKS_PER_GROUP` strongest links (a link is kept when it
    is among the strongest of either of its groups)."""
    by_group: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    for pair, count in between.items():
        for g in pair:
            by_group.setdefault(g, []).append((count, pair))
    keep: set[tuple[int, int]] = set()
    for links in by_group.values():
        keep.update(pair for _, pair in sorted(links, reverse=True)[:LINKS_PER_GROUP])
    return Counter({pair: between[pair] for pair in keep})


def group_name(members: list[str], labels: dict[str, str], kinds: dict[str, str], degree) -> str:
    """ "Bury, Oldham and 312 more": the best-joined councils (else any nodes) first."""
    councils = [m for m in members if kinds[m] == Label.COUNCIL] or members
    top = sorted(councils, key=lambda m: (-degree(m), labels[m]))[:2]
    rest = len(members) - len(top)
    names = ", ".join(labels[m] for m in top)
    return f"{names} and {rest} more" if rest else names


def group_positions(
    groups: list[list[str]], graph: nx.MultiDiGraph, radius: Callable[[str], float]
) -> tuple[list[tuple[float, float]], list[float], dict[Hashable, tuple[float, float]]]:
    """Where each group sits, how far its opened members reach, and each member's
    position when its group is open (around the group's place, no two overlapping:
    ``radius`` is a member's drawn size)."""
    index = {m: i for i, g in enumerate(groups) for m in g}
    between = Counter(
        (min(index[u], index[v]), max(index[u], index[v]))
        for u, v in graph.edges()
        if index[u] != index[v]
    )
    locals_: list[dict[Hashable, tuple[float, float]]] = []
    for group in groups:
        inside = set(group)
        local = spread_out(
            force_layout(group, [(u, v) for u, v in graph.subgraph(inside).edges()]),
            {m: radius(m) for m in group},
        )
        locals_.append(local)
    reach = np.array(
        [
            max((math.hypot(x, y) for x, y in local.values()), default=0.0) + 40.0
            for local in locals_
        ]
    )
    centres = force_layout(list(range(len(groups))), list(between))
    xy = np.array([centres[i] for i in range(len(groups))], dtype=float)
    if len(groups) > 1:
        # spread the groups so that any one can open without covering another
        xy *= 2.0 * reach.max() / max(float(np.abs(xy).max()), 1.0)
        xy = separate_circles(xy, reach, GROUP_GAP)
    members: dict[Hashable, tuple[float, float]] = {}
    for (cx, cy), local in zip(xy, locals_, strict=True):
        for node, (x, y) in local.items():
            members[node] = (round(cx + x, 1), round(cy + y, 1))
    return [(round(float(x), 1), round(float(y), 1)) for x, y in xy], list(reach), members
