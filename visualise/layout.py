"""Node positions computed in Python, so that a big map needs no physics in the browser.

vis-network's physics takes minutes to settle at ~1,500 nodes (pyvis issue #204);
a bounded, vectorised Fruchterman-Reingold here takes about a second at 2,000 nodes
and the browser then only draws. networkx's own ``spring_layout`` needs SciPy above
500 nodes, which the project does not otherwise need, so the few lines live here.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

import numpy as np

ROW_CHUNK = 1024  # rows of the pairwise-distance matrix computed at once (memory bound)
SPACING = 34.0  # pixels per sqrt(node): the drawn map's scale


def iterations_for(n_nodes: int) -> int:
    """Fewer iterations for bigger graphs: the cost of one is quadratic."""
    if n_nodes <= 300:
        return 150
    if n_nodes <= 1500:
        return 80
    return 50


def force_layout(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    iterations: int | None = None,
    seed: int = 1,
) -> dict[Hashable, tuple[float, float]]:
    """Positions in pixels, centred on 0, for ``nodes`` joined by ``edges``.

    Deterministic for a given ``seed``. Disconnected pieces are held together by
    a weak pull to the centre.
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(index[u], index[v]) for u, v in edges if u != v and u in index and v in index}
    pairs = {(min(p), max(p)) for p in pairs}
    e = np.array(sorted(pairs), dtype=np.intp).reshape(-1, 2)
    degree = np.bincount(e.ravel(), minlength=n).astype(np.float32)
    # hubs (a theme every review covers) pull weakly, or they drag the map into one knot
    strength = (
        (1.0 / np.sqrt(np.maximum(degree[e[:, 0]], degree[e[:, 1]]))).astype(np.float32)
        if len(e)
        else np.zeros(0, dtype=np.float32)
    )
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    steps = iterations if iterations is not None else iterations_for(n)
    temperature = 0.1
    cooling = temperature / (steps + 1)
    gravity = np.float32(0.05 * k)
    for _ in range(steps):
        disp = np.zeros_like(pos)
        sq = np.einsum("ij,ij->i", pos, pos)
        for start in range(0, n, ROW_CHUNK):
            block = pos[start : start + ROW_CHUNK]
            # |a - b|^2 = |a|^2 + |b|^2 - 2 a.b, all pairs at once through BLAS
            weight = block @ pos.T
            weight *= -2.0
            weight += sq[start : start + ROW_CHUNK, None]
            weight += sq[None, :]
            np.maximum(weight, np.float32(1e-6), out=weight)
            np.divide(k * k, weight, out=weight)
            # sum_j (a_i - b_j) w_ij = a_i * sum_j w_ij - (W @ b)_i
            disp[start : start + ROW_CHUNK] = block * weight.sum(axis=1)[:, None] - weight @ pos
        if len(e):
            d = pos[e[:, 0]] - pos[e[:, 1]]
            pull = d * (np.sqrt(np.einsum("ij,ij->i", d, d)) * strength / k)[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(e[:, 0], weights=pull[:, axis], minlength=n)
                disp[:, axis] += np.bincount(e[:, 1], weights=pull[:, axis], minlength=n)
        disp -= (pos - pos.mean(axis=0)) * gravity * n
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp))
        np.maximum(length, np.float32(1e-9), out=length)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    pos *= SPACING * math.sqrt(n) / extent
    return {
        node: (round(float(x), 1), round(float(y), 1))
        for node, (x, y) in zip(nodes, pos, strict=True)
    }


def layered_layout(
    layers: Sequence[Sequence[Hashable]],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    column_gap: float = 420.0,
    row_gap: float = 46.0,
) -> dict[Hashable, tuple[float, float]]:
    """Left-to-right columns, one per layer, each ordered so that a node sits near
    the nodes it is joined to in the column before (one barycentre sweep each way)."""
    neighbours: dict[Hashable, set[Hashable]] = {}
    for u, v in edges:
        neighbours.setdefault(u, set()).add(v)
        neighbours.setdefault(v, set()).add(u)
    order: list[list[Hashable]] = [sorted(layer, key=str) for layer in layers]
    rank = {node: i for layer in order for i, node in enumerate(layer)}

    def centre(node: Hashable, column: set[Hashable]) -> float:
        near = [rank[m] for m in neighbours.get(node, ()) if m in rank and m not in column]
        return sum(near) / len(near) if near else rank[node]

    def sweep(columns: range) -> None:
        for c in columns:
            column = set(order[c])
            order[c].sort(key=lambda node: centre(node, column))
            for i, node in enumerate(order[c]):
                rank[node] = i

    sweep(range(1, len(order)))
    sweep(range(len(order) - 2, -1, -1))
    out: dict[Hashable, tuple[float, float]] = {}
    for c, layer in enumerate(order):
        top = -(len(layer) - 1) * row_gap / 2
        for i, node in enumerate(layer):
            out[node] = (round(c * column_gap, 1), round(top + i * row_gap, 1))
    return out


def component_layout(
    nodes: Sequence[Hashable], edges: Iterable[tuple[Hashable, Hashable]], *, gap: float = 90.0
) -> dict[Hashable, tuple[float, float]]:
    """Each connected piece laid out on its own and the pieces set side by side in
    rows, so that no node sits on the line between two others it is not joined to."""
    edge_list = [(u, v) for u, v in edges]
    parent = {n: n for n in nodes}

    def root(n: Hashable) -> Hashable:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for u, v in edge_list:
        if u in parent and v in parent:
            parent[root(u)] = root(v)
    pieces: dict[Hashable, list[Hashable]] = {}
    for n in nodes:
        pieces.setdefault(root(n), []).append(n)
    placed: list[tuple[list[Hashable], dict, float, float]] = []
    for piece in sorted(pieces.values(), key=lambda p: (-len(p), str(p[0]))):
        inside = set(piece)
        pos = force_layout(piece, [(u, v) for u, v in edge_list if u in inside and v in inside])
        if len(piece) == 2:  # a pair: side by side, far enough apart for both labels
            pos = {piece[0]: (-70.0, 0.0), piece[1]: (70.0, 0.0)}
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        placed.append((piece, pos, max(xs) - min(xs), max(ys) - min(ys)))
    row_width = max(1200.0, math.sqrt(sum((w + gap) * (h + gap) for *_, w, h in placed)) * 1.4)
    out: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for _piece, pos, width, height in placed:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        for node, (px, py) in pos.items():
            out[node] = (round(x + px - min(xs), 1), round(y + py - min(ys), 1))
        x += width + gap
        row_height = max(row_height, height)
    return out


def separate_circles(
    xy: np.ndarray, radius: np.ndarray, gap: float = 3.0, rounds: int = 300
) -> np.ndarray:
    """Push overlapping circles apart until none overlaps (or ``rounds`` run out).

    Each round finds the overlapping pairs (all pairs, by rows of at most
    ``ROW_CHUNK``) and moves both circles of each pair half the overlap apart."""
    xy = xy.astype(float).copy()
    n = len(xy)
    if n < 2:
        return xy
    rng = np.random.default_rng(0)
    for _ in range(rounds):
        rows, cols = [], []
        for start in range(0, n, ROW_CHUNK):
            block = xy[start : start + ROW_CHUNK]
            d2 = ((block[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2)
            # half a pixel of slack, or pairs pushed to exactly ``gap`` never settle
            need = radius[start : start + ROW_CHUNK, None] + radius[None, :] + gap - 0.5
            i, j = np.nonzero(d2 < need**2)
            keep = (i + start) < j  # each pair once, never a circle with itself
            rows.append(i[keep] + start)
            cols.append(j[keep])
        a, b = np.concatenate(rows), np.concatenate(cols)
        if not len(a):
            break
        d = xy[a] - xy[b]
        dist = np.sqrt((d**2).sum(axis=1))
        same = dist < 1e-6
        if same.any():  # two circles at one point: nudge apart in a random direction
            d[same] = rng.normal(scale=0.5, size=(int(same.sum()), 2))
            dist = np.maximum(np.sqrt((d**2).sum(axis=1)), 1e-6)
        overlap = radius[a] + radius[b] + gap - dist
        push = d * (overlap / dist / 2.0 * 1.2)[:, None]
        np.add.at(xy, a, push)
        np.add.at(xy, b, -push)
    return xy


def spread_out(
    positions: dict[Hashable, tuple[float, float]],
    radius: dict[Hashable, float],
    gap: float = 4.0,
) -> dict[Hashable, tuple[float, float]]:
    """``positions`` pushed apart (and centred) so that no two circles of
    ``radius`` overlap; for up to a few thousand nodes (quadratic)."""
    nodes = list(positions)
    if len(nodes) < 2:
        return positions
    xy = np.array([positions[n] for n in nodes], dtype=float)
    r = np.array([radius[n] for n in nodes], dtype=float)
    # first give the circles room: their total area a tenth of the layout's disc
    needed = math.sqrt(float((r**2).sum()) * 10.0)
    extent = float(np.sqrt(((xy - xy.mean(axis=0)) ** 2).sum(axis=1)).max()) or 1.0
    if extent < needed:
        xy = (xy - xy.mean(axis=0)) * (needed / extent)
    xy = separate_circles(xy, r, gap)
    xy -= xy.mean(axis=0)
    return {
        n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy, strict=True)
    }
