/* peergraph map: builds the vis-network from the JSON in #pg-data.
 * Every string from the graph reaches the page through textContent or a canvas
 * label, never as HTML: report text is data. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var big = data.nodes.length > data.bigAbove;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null && text !== "") { node.textContent = String(text); }
    return node;
  }

  function tipElement(tip) {
    var box = el("div", "pg-tip");
    box.appendChild(el("div", "pg-tip-kind", tip.kind));
    box.appendChild(el("div", "pg-tip-name", tip.name));
    if (tip.facts.length) {
      var table = el("table", "pg-facts");
      tip.facts.forEach(function (fact) {
        var row = el("tr");
        row.appendChild(el("th", null, fact[0]));
        row.appendChild(el("td", null, fact[1]));
        table.appendChild(row);
      });
      box.appendChild(table);
    }
    if (tip.evidence) { box.appendChild(el("blockquote", "pg-evidence", "\u201c" + tip.evidence + "\u201d")); }
    if (tip.source) { box.appendChild(el("div", "pg-source", "Source: " + tip.source)); }
    return box;
  }

  document.getElementById("pg-title").textContent = data.title;
  document.getElementById("pg-description").textContent = data.description;
  document.getElementById("pg-sources").textContent = data.sources;

  var byId = {};
  data.nodes.forEach(function (n) { n.title = tipElement(n.tip); n.fullLabel = n.label; byId[n.id] = n; });
  var edgeById = {};
  data.edges.forEach(function (e) {
    e.title = tipElement(e.tip); e.fullLabel = e.label; edgeById[e.id] = e;
    if (!data.showEdgeLabels) { e.label = ""; }
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);

  var options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: false },
    physics: data.physics ? {
      enabled: true,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.012, springLength: 110, springConstant: 0.06, avoidOverlap: 0.5 },
      stabilization: { enabled: true, iterations: data.stabilisationIterations, updateInterval: 100, fit: true }
    } : { enabled: false },
    interaction: {
      hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: false,
      hideEdgesOnDrag: big, hideEdgesOnZoom: big
    },
    nodes: {
      borderWidth: 1,
      font: { size: 14, face: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", color: "#1a202c", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 6 } }
    },
    edges: {
      smooth: big ? false : { enabled: true, type: "continuous", roundness: 0.4 },
      font: { size: 10, align: "middle", color: "#4a5568", strokeWidth: 3, strokeColor: "#ffffff" },
      selectionWidth: 2,
      hoverWidth: 1.5
    }
  };

  var container = document.getElementById("pg-map");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var state = { network: network, nodes: nodes, edges: edges, ready: false, readyMs: null };
  window.peergraph = state;
  window.peergraphNetwork = network;

  var status = document.getElementById("pg-status");
  var details = document.getElementById("pg-details");

  function showDetails(tip) {
    details.replaceChildren(tipElement(tip));
    details.hidden = false;
  }

  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails(byId[id].tip);
  }

  var stabilised = !data.physics;
  network.on("stabilizationIterationsDone", function () {
    stabilised = true;
    network.setOptions({ physics: { enabled: false } });
  });
  network.on("afterDrawing", function () {
    if (!stabilised || state.ready) { return; }
    state.ready = true;
    state.readyMs = performance.now();
    status.textContent = "Ready: " + network.body.nodeIndices.length + " nodes and " +
      network.body.edgeIndices.length + " relationships drawn. Hover for facts, click for details, scroll to zoom.";
    document.body.setAttribute("data-ready", "1");
    if (data.focus && byId[data.focus]) { focusNode(data.focus); }
  });

  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(byId[params.nodes[0]].tip); }
    else if (params.edges.length) { showDetails(edgeById[params.edges[0]].tip); }
    else { details.hidden = true; }
  });

  // search: exact name, then a name that starts with the text, then one containing it
  var names = document.getElementById("pg-names");
  var searchable = data.nodes.map(function (n) { return { id: n.id, name: n.tip.name, key: n.tip.name.toLowerCase() }; });
  searchable.sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; });
  var seen = {};
  searchable.forEach(function (s) {
    if (seen[s.key]) { return; }
    seen[s.key] = true;
    var option = document.createElement("option");
    option.value = s.name;
    names.appendChild(option);
  });
  var input = document.getElementById("pg-search");
  var result = document.getElementById("pg-search-result");
  function search() {
    var q = input.value.trim().toLowerCase();
    if (!q) { result.textContent = ""; return; }
    var hit = searchable.find(function (s) { return s.key === q; }) ||
      searchable.find(function (s) { return s.key.indexOf(q) === 0; }) ||
      searchable.find(function (s) { return s.key.indexOf(q) >= 0; });
    if (!hit) { result.textContent = "Nothing called \u201c" + input.value.trim() + "\u201d here."; return; }
    if (nodes.get(hit.id).hidden) { result.textContent = hit.name + " is hidden: tick its kind below."; return; }
    result.textContent = "Showing " + hit.name + ".";
    focusNode(hit.id);
  }
  input.addEventListener("change", search);
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { search(); } });

  // legend with a checkbox per node label and relationship type
  function legendRow(parent, entry, symbol, onToggle) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-kind", entry.kind);
    box.addEventListener("change", function () { onToggle(entry.kind, box.checked); });
    label.appendChild(box);
    label.appendChild(symbol);
    label.appendChild(el("span", null, entry.kind));
    label.appendChild(el("span", "pg-count", entry.count));
    parent.appendChild(label);
    parent.appendChild(el("span", "pg-kind-desc", entry.description));
  }
  var nodeKinds = document.getElementById("pg-node-kinds");
  data.legend.nodes.forEach(function (entry) {
    var glyph = el("span", "pg-glyph", entry.glyph);
    glyph.style.color = entry.colour;
    legendRow(nodeKinds, entry, glyph, function (kind, shown) {
      nodes.update(data.nodes.filter(function (n) { return n.kind === kind; })
        .map(function (n) { return { id: n.id, hidden: !shown }; }));
    });
  });
  var edgeKinds = document.getElementById("pg-edge-kinds");
  data.legend.edges.forEach(function (entry) {
    var line = el("span", entry.dashes ? "pg-line pg-dashed" : "pg-line");
    line.style.borderTopColor = entry.colour;
    legendRow(edgeKinds, entry, line, function (kind, shown) {
      edges.update(data.edges.filter(function (e) { return e.kind === kind; })
        .map(function (e) { return { id: e.id, hidden: !shown }; }));
    });
  });

  var showNames = document.getElementById("pg-show-names");
  showNames.addEventListener("change", function () {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, label: showNames.checked ? n.fullLabel : "" }; }));
  });
  var showEdgeLabels = document.getElementById("pg-show-edge-labels");
  showEdgeLabels.checked = !!data.showEdgeLabels;
  showEdgeLabels.addEventListener("change", function () {
    edges.update(data.edges.map(function (e) { return { id: e.id, label: showEdgeLabels.checked ? e.fullLabel : "" }; }));
  });
}());
