"""Maps in a real browser (Debian's headless Chromium): they load offline, draw what
they say, keep report text inert, and stay usable at 2,000 nodes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from browser import (
    console_errors,
    headless_chromium,
    missing_reason,
    non_local,
    open_map,
    requested_urls,
)

from benchmarks.synthetic import synthetic_graph
from visualise import render_map

pytestmark = pytest.mark.skipif(missing_reason() is not None, reason=str(missing_reason()))

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = ROOT / "docs" / "map-screenshot.png"
HIDDEN_LABELS = {"Recommendation", "Document"}
HIDDEN_RELS = {"MADE", "ABOUT", "SOURCED_FROM"}


@pytest.fixture(scope="module")
def driver() -> Iterator:
    with headless_chromium(width=1500, height=950) as d:
        yield d


def expected_all_view(graph: nx.MultiDiGraph) -> tuple[int, int]:
    """Nodes and relationships the "all" view should draw, counted from the graph."""
    edges = [
        (u, v)
        for u, v, a in graph.edges(data=True)
        if a["type"] not in HIDDEN_RELS
        and not HIDDEN_LABELS & {*graph.nodes[u]["labels"], *graph.nodes[v]["labels"]}
    ]
    return len({n for e in edges for n in e}), len(edges)


def drawn(driver) -> tuple[int, int]:
    return tuple(
        driver.execute_script(
            "var b = window.peergraph.network.body;"
            "return [b.nodeIndices.length, b.edgeIndices.length];"
        )
    )


def assert_clean_load(driver) -> None:
    assert console_errors(driver) == []
    urls = requested_urls(driver)
    assert any(u.startswith("file://") for u in urls), "the performance log saw no request"
    assert non_local(urls) == []


def hover(driver, node_id: str) -> None:
    """Centre the view on a node and put the mouse on it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver.execute_script(
        "var n = window.peergraph.network;"
        "n.moveTo({position: n.getPosition(arguments[0]), scale: 1.5, animation: false});",
        node_id,
    )
    canvas = driver.find_element(By.CSS_SELECTOR, "#pg-map canvas")
    x, y = driver.execute_script(
        "var n = window.peergraph.network; var p = n.canvasToDOM(n.getPosition(arguments[0]));"
        "return [p.x, p.y];",
        node_id,
    )
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).pause(0.1).move_by_offset(1, 0).perform()


def test_sample_reports_map_loads_offline_draws_every_node_and_saves_screenshot(
    driver, tmp_path, seed_graph
) -> None:
    graph = seed_graph  # the five sample reports, as the README's screenshot shows them
    result = render_map(graph, tmp_path / "overview.html", title="peergraph: peer challenges")
    open_map(driver, result.path)
    assert_clean_load(driver)
    assert drawn(driver) == expected_all_view(graph) == (result.node_count, result.edge_count)
    assert driver.execute_script("return window.peergraph.network.physics.physicsEnabled") is False
    status = driver.execute_script("return document.getElementById('pg-status').textContent")
    assert f"{result.node_count} nodes" in status
    SCREENSHOT.parent.mkdir(exist_ok=True)
    driver.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000


def test_search_box_selects_and_focuses_a_node(driver, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    graph = synthetic_graph(150, seed=11)
    result = render_map(graph, tmp_path / "m.html")
    open_map(driver, result.path)
    peer_id, peer = next(
        (n, a) for n, a in graph.nodes(data=True) if a["labels"] == ["Peer"] and graph.degree(n) > 1
    )
    box = driver.find_element(By.ID, "pg-search")
    box.send_keys(peer["name"].upper(), Keys.ENTER)
    assert driver.execute_script("return window.peergraph.network.getSelectedNodes()") == [peer_id]
    details = driver.find_element(By.ID, "pg-details").text
    assert peer["name"] in details
    box.clear()
    box.send_keys("no such node anywhere", Keys.ENTER)
    assert "Nothing called" in driver.find_element(By.ID, "pg-search-result").text


def test_kind_checkboxes_hide_and_show_nodes(driver, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    graph = synthetic_graph(150, seed=11)
    result = render_map(graph, tmp_path / "m.html")
    open_map(driver, result.path)
    peers = sum(
        1
        for n in driver.execute_script(
            "return window.peergraph.nodes.get().map(function (n) { return n.kind; })"
        )
        if n == "Peer"
    )
    assert peers > 0
    box = driver.find_element(By.CSS_SELECTOR, "#pg-node-kinds input[data-kind='Peer']")
    box.click()
    assert drawn(driver)[0] == result.node_count - peers
    box.click()
    assert drawn(driver)[0] == result.node_count


PAYLOADS = {
    "council": "<script>window.__pwned = 1</script> Council",
    "peer": '<img src=x onerror="window.__pwned = 2">',
    "evidence": "</script><script>window.__pwned = 3</script> \"quoted\" & 'single'",
    "title": '<svg onload="window.__pwned = 4"></svg>',
}


def test_hostile_report_text_stays_text(driver, tmp_path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    graph = synthetic_graph(120, seed=5)
    council = next(
        n for n, a in graph.nodes(data=True) if a["labels"] == ["Council"] and graph.degree(n) > 1
    )
    peer = next(n for n, a in graph.nodes(data=True) if a["labels"] == ["Peer"])
    graph.nodes[council].update(name=PAYLOADS["council"], short_name=PAYLOADS["council"])
    graph.nodes[peer].update(name=PAYLOADS["peer"], evidence=PAYLOADS["evidence"])
    for _, _, attrs in graph.edges(data=True):
        attrs["evidence"] = PAYLOADS["evidence"]
    result = render_map(graph, tmp_path / "hostile.html", title=PAYLOADS["title"])
    open_map(driver, result.path)
    assert_clean_load(driver)
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.find_element(By.ID, "pg-title").text == PAYLOADS["title"]
    assert driver.title == PAYLOADS["title"]

    hover(driver, council)
    tooltip = WebDriverWait(driver, 10).until(
        lambda d: d.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' && t.textContent ? t : null;"
        )
    )
    assert PAYLOADS["council"] in tooltip.get_attribute("textContent")
    assert tooltip.find_elements(By.CSS_SELECTOR, "script, img, svg") == []

    hover(driver, peer)
    WebDriverWait(driver, 10).until(
        lambda d: (
            PAYLOADS["peer"]
            in d.execute_script("return document.querySelector('div.vis-tooltip').textContent")
        )
    )
    text = driver.execute_script("return document.querySelector('div.vis-tooltip').textContent")
    assert PAYLOADS["evidence"] in text
    ActionChains(driver).click().perform()
    details = driver.find_element(By.ID, "pg-details")
    assert PAYLOADS["peer"] in details.get_attribute("textContent")
    assert details.find_elements(By.CSS_SELECTOR, "script, img, svg") == []
    assert driver.find_elements(By.CSS_SELECTOR, "body img, body svg") == []
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert console_errors(driver) == []


def test_two_thousand_nodes_draw_without_physics(driver, tmp_path) -> None:
    """A correctness guard, not a timing test (benchmarks/bench_map.py measures)."""
    graph = synthetic_graph(2300, seed=0, recommendations=False)
    result = render_map(graph, tmp_path / "big.html")
    assert result.node_count >= 2000
    open_map(driver, result.path, timeout=120)
    assert_clean_load(driver)
    assert drawn(driver) == expected_all_view(graph) == (result.node_count, result.edge_count)
    assert driver.execute_script("return window.peergraph.network.physics.physicsEnabled") is False
    # positions came from Python: the nodes are spread out, not piled up at the origin
    spread = driver.execute_script(
        "var p = window.peergraph.network.getPositions(); var xs = Object.values(p)"
        ".map(function (q) { return q.x; }); return Math.max.apply(null, xs) -"
        " Math.min.apply(null, xs);"
    )
    assert spread > 1000
