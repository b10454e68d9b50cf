/* peergraph map: builds the vis-network from the JSON in #pg-data.
 * Every string from the graph reaches the page through textContent or a canvas
 * label, never as HTML: report text is data. Node ids travel in the data (and in
 * a #node=<id> link) but are never shown. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var big = data.nodes.length > data.bigAbove || data.edges.length > 1000;
  var DIM = 0.12;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null && text !== "") { node.textContent = String(text); }
    return node;
  }

  function tipElement(tip, full) {
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
    (tip.sections || []).forEach(function (section) {
      if (!full) { return; }
      var part = el("section", "pg-section");
      part.appendChild(el("h3", null, section.title + " (" + section.items.length + ")"));
      var list = el("ul");
      section.items.forEach(function (item) {
        var li = el("li", null, item.text);
        if (item.note) { li.appendChild(el("div", "pg-note", item.note)); }
        list.appendChild(li);
      });
      part.appendChild(list);
      box.appendChild(part);
    });
    if (!full && tip.sections && tip.sections.length) {
      box.appendChild(el("div", "pg-source", "Click for the full list."));
    }
    return box;
  }

  document.getElementById("pg-title").textContent = data.title;
  document.getElementById("pg-description").textContent = data.description;
  document.getElementById("pg-sources").textContent = data.sources;

  var byId = {}, edgeById = {}, edgesOf = {};
  data.nodes.forEach(function (n) {
    n.title = tipElement(n.tip, false); n.fullLabel = n.label; byId[n.id] = n; edgesOf[n.id] = [];
  });
  data.edges.forEach(function (e) {
    e.title = tipElement(e.tip, false); e.fullLabel = e.label; edgeById[e.id] = e;
    e.baseColor = e.color;
    e.label = data.showEdgeLabels && e.labelled ? e.fullLabel : "";
    edgesOf[e.from].push(e); edgesOf[e.to].push(e);
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);

  var options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: false },
    physics: data.physics ? {
      enabled: true,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.012, springLength: 110, springConstant: 0.06, avoidOverlap: 0.8 },
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
      smooth: big || !data.physics ? false : { enabled: true, type: "continuous", roundness: 0.4 },
      font: { size: 10, align: "middle", color: "#4a5568", strokeWidth: 3, strokeColor: "#ffffff" },
      selectionWidth: 2,
      hoverWidth: 1.5
    }
  };

  var container = document.getElementById("pg-map");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var state = { network: network, nodes: nodes, edges: edges, ready: false, readyMs: null, selected: null };
  window.peergraph = state;
  window.peergraphNetwork = network;

  var status = document.getElementById("pg-status");
  var details = document.getElementById("pg-details");
  var detailsBody = document.getElementById("pg-details-body");
  document.getElementById("pg-details-close").addEventListener("click", function () { clearSelection(); });

  function showDetails(tip) {
    detailsBody.replaceChildren(tipElement(tip, true));
    details.hidden = false;
    details.scrollTop = 0;
  }

  // selection: the chosen node and its neighbours keep their colour, the rest fade;
  // the chosen node's relationships are labelled, one label per type and direction
  var dimmed = false;
  function highlight(id) {
    var keep = {}, keepEdge = {}, labelled = {};
    keep[id] = true;
    edgesOf[id].forEach(function (e) {
      keep[e.from] = keep[e.to] = true; keepEdge[e.id] = true;
      var group = e.kind + (e.from === id ? ">" : "<");
      if (!labelled[group]) { labelled[group] = e.id; }
    });
    nodes.update(data.nodes.map(function (n) { return { id: n.id, opacity: keep[n.id] ? 1 : DIM }; }));
    edges.update(data.edges.map(function (e) {
      var c = e.baseColor;
      return {
        id: e.id,
        color: { color: c.color, highlight: c.highlight, hover: c.hover, opacity: keepEdge[e.id] ? 0.95 : DIM / 2 },
        label: labelled[e.kind + (e.from === id ? ">" : "<")] === e.id ? e.fullLabel : ""
      };
    }));
    dimmed = true;
  }
  function undim() {
    if (!dimmed) { return; }
    nodes.update(data.nodes.map(function (n) { return { id: n.id, opacity: 1 }; }));
    edges.update(data.edges.map(function (e) {
      return { id: e.id, color: e.baseColor, label: showEdgeLabels.checked && e.labelled ? e.fullLabel : "" };
    }));
    dimmed = false;
  }

  function selectNode(id, move) {
    if (!byId[id] && data.grouped && memberGroup[id] !== undefined) { openGroup(memberGroup[id]); }
    if (!byId[id]) { return; }
    if (byId[id].kind === "Group") { openGroup(byId[id].pgGroup); return; }
    state.selected = id;
    network.selectNodes([id]);
    highlight(id);
    if (move) {
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    }
    showDetails(byId[id].tip);
    if (history.replaceState) { history.replaceState(null, "", "#node=" + encodeURIComponent(id)); }
  }
  function clearSelection() {
    state.selected = null;
    network.unselectAll();
    undim();
    details.hidden = true;
    if (history.replaceState && location.hash) { history.replaceState(null, "", location.pathname + location.search); }
  }
  state.selectNode = selectNode;
  state.clearSelection = clearSelection;

  function nodeFromHash() {
    var m = /^#node=(.+)$/.exec(location.hash);
    if (!m) { return null; }
    try { return decodeURIComponent(m[1]); } catch (err) { return null; }
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
    var wanted = nodeFromHash();
    if (wanted && byId[wanted]) { selectNode(wanted, true); }
    else if (data.focus && byId[data.focus]) { selectNode(data.focus, true); }
  });
  window.addEventListener("hashchange", function () {
    var wanted = nodeFromHash();
    if (wanted && byId[wanted] && wanted !== state.selected) { selectNode(wanted, true); }
  });

  network.on("click", function (params) {
    if (params.nodes.length) { selectNode(params.nodes[0], false); }
    else if (params.edges.length) { undim(); state.selected = null; showDetails(edgeById[params.edges[0]].tip); }
    else { clearSelection(); }
  });

  // toolbar: fit, zoom, reset
  function zoomBy(factor) {
    network.moveTo({ scale: network.getScale() * factor, animation: { duration: 200 } });
  }
  document.getElementById("pg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  document.getElementById("pg-zoom-in").addEventListener("click", function () { zoomBy(1.4); });
  document.getElementById("pg-zoom-out").addEventListener("click", function () { zoomBy(1 / 1.4); });
  document.getElementById("pg-reset").addEventListener("click", function () {
    clearSelection();
    input.value = ""; result.replaceChildren(); matchList.replaceChildren();
    Array.prototype.forEach.call(document.querySelectorAll("#pg-node-kinds input, #pg-edge-kinds input"), function (box) { box.checked = true; });
    if (yearFrom) { yearFrom.value = data.yearRange[0]; yearTo.value = data.yearRange[1]; }
    applyFilters();
    network.fit();
  });

  // search: the reports' name rule (names.js); every match is listed
  var searchable = data.grouped ? data.searchIndex.map(function (s) {
    return { id: s[0], label: s[2], kind: s[5], spellings: [s[3], s[2]].concat(s[4] || []) };
  }) : data.nodes.map(function (n) {
    return { id: n.id, label: n.fullLabel, kind: n.kind, spellings: [n.tip.name, n.fullLabel].concat(n.names || []) };
  });
  var candidates = peergraphNames.prepare(searchable, data.nameRule);
  var labelOf = {};
  searchable.forEach(function (c) { labelOf[c.id] = c; });
  var names = document.getElementById("pg-names");
  var seen = {};
  searchable.map(function (c) { return c.label; }).sort().forEach(function (label) {
    if (!label || seen[label]) { return; }
    seen[label] = true;
    var option = document.createElement("option");
    option.value = label;
    names.appendChild(option);
  });
  var input = document.getElementById("pg-search");
  var result = document.getElementById("pg-search-result");
  var matchList = document.getElementById("pg-matches");
  var LIST_AT_MOST = 60;
  function search() {
    var text = input.value.trim();
    matchList.replaceChildren();
    if (!text) { result.textContent = ""; return []; }
    var hits = peergraphNames.matches(candidates, text);
    if (!hits.length) { result.textContent = "Nothing called \u201c" + text + "\u201d here."; return hits; }
    hits.sort(function (a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : 0; });
    if (hits.length === 1) {
      var only = hits[0];
      selectNode(only.id, true);
      if (byId[only.id] && byId[only.id].hidden) { result.textContent = only.label + " is hidden: tick its kind or widen the years."; return hits; }
      result.textContent = "Showing " + only.label + ".";
      return hits;
    }
    result.textContent = hits.length + " match \u201c" + text + "\u201d:";
    hits.slice(0, LIST_AT_MOST).forEach(function (n) {
      var kind = n.kind || (byId[n.id] ? byId[n.id].kind : "");
      var button = el("button", "pg-match", kind ? n.label + " \u2013 " + kind.toLowerCase() : n.label);
      button.type = "button";
      button.addEventListener("click", function () { selectNode(n.id, true); });
      var li = el("li");
      li.appendChild(button);
      matchList.appendChild(li);
    });
    if (hits.length > LIST_AT_MOST) { matchList.appendChild(el("li", null, "and " + (hits.length - LIST_AT_MOST) + " more: type more of the name")); }
    return hits;
  }
  state.search = function (text) { input.value = text; return search().map(function (n) { return n.id; }); };

  // a grouped map: a group opens into its members, laid out around its place
  var memberGroup = {}, groupOpen = {}, edgeSeen = {}, edgeCount = 0, kindStyle = {};
  if (data.grouped) {
    data.searchIndex.forEach(function (s) { memberGroup[s[0]] = s[1]; });
    data.edgeKinds.forEach(function (k) { kindStyle[k.kind] = k; });
  }
  function nameOf(id) { return byId[id] ? byId[id].tip.name : (labelOf[id] ? labelOf[id].label : ""); }
  function endpoint(id) { var g = memberGroup[id]; return groupOpen[g] ? id : "group:" + g; }
  function removeFrom(list, gone) { for (var i = list.length - 1; i >= 0; i--) { if (gone[list[i].id]) { list.splice(i, 1); } } }
  function openGroup(g) {
    if (groupOpen[g]) { return; }
    var block = JSON.parse(document.getElementById("pg-group-" + g).textContent);
    groupOpen[g] = true;
    var gid = "group:" + g, gone = {};
    (edgesOf[gid] || []).forEach(function (e) {
      gone[e.id] = true;
      var other = e.from === gid ? e.to : e.from;
      if (edgesOf[other]) { removeFrom(edgesOf[other], gone); }
      delete edgeSeen[e.from + "|" + e.to + "|" + e.kind];
    });
    edges.remove(Object.keys(gone));
    removeFrom(data.edges, gone);
    var goneNode = {}; goneNode[gid] = true;
    nodes.remove(gid);
    removeFrom(data.nodes, goneNode);
    delete byId[gid];
    block.nodes.forEach(function (n) {
      n.title = tipElement(n.tip, false); n.fullLabel = n.label; byId[n.id] = n; edgesOf[n.id] = [];
      data.nodes.push(n);
    });
    nodes.add(block.nodes);
    var added = [];
    block.edges.forEach(function (r) {
      var a = endpoint(r[0]), b = endpoint(r[1]), look = kindStyle[data.edgeKinds[r[2]].kind];
      var key = a + "|" + b + "|" + look.kind;
      if (a === b || edgeSeen[key]) { return; }
      edgeSeen[key] = true;
      var colour = { color: look.colour, highlight: look.colour, hover: look.colour, opacity: 0.85 };
      var tip = { kind: look.phrase, name: nameOf(a) + " " + look.phrase + " " + nameOf(b), facts: [], evidence: "", source: "" };
      var e = {
        id: "x" + (edgeCount++), from: a, to: b, kind: look.kind, fullLabel: look.phrase, label: "",
        labelled: false, tip: tip, title: tipElement(tip, false), color: colour, baseColor: colour,
        dashes: look.dashes, width: look.width, arrows: { to: { enabled: look.directed, scaleFactor: 0.5 } }
      };
      if (r[3] !== null) { e.years = [r[3]]; }
      edgesOf[a].push(e); edgesOf[b].push(e); data.edges.push(e); added.push(e);
    });
    edges.add(added);
    applyFilters();
    status.textContent = "Opened a group of " + block.nodes.length + " nodes. " + status.textContent;
  }
  state.openGroup = openGroup;
  input.addEventListener("change", search);
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { search(); } });

  // filters: kinds, relationship types, years. The year rule is within_years's
  // (visualise/views.py): a dated node is shown when one of its years is inside;
  // a relationship with a year when that year is inside; one without, when an end
  // is dated inside and neither end is dated outside; undated nodes with nothing
  // left to join them disappear.
  var kindShown = {}, relShown = {};
  var yearFrom = null, yearTo = null;
  function narrowed() {
    return yearFrom && (+yearFrom.value > data.yearRange[0] || +yearTo.value < data.yearRange[1]);
  }
  function inside(years) {
    var lo = +yearFrom.value, hi = +yearTo.value;
    return years.some(function (y) { return y >= lo && y <= hi; });
  }
  function applyFilters() {
    var byYear = narrowed();
    var dated = {};
    if (byYear) { data.nodes.forEach(function (n) { dated[n.id] = n.years ? inside(n.years) : null; }); }
    var nodeOk = {};
    data.nodes.forEach(function (n) {
      nodeOk[n.id] = kindShown[n.kind] !== false && (!byYear || n.kind === "Group" ||
        (dated[n.id] !== false && !(n.kind === "Review" && !n.years)));
    });
    var edgeHidden = {}, joined = {};
    data.edges.forEach(function (e) {
      var ok = relShown[e.kind] !== false && nodeOk[e.from] && nodeOk[e.to];
      if (ok && byYear && e.kind !== "GROUPED") {
        if (e.years) { ok = inside(e.years); }
        else {
          var a = dated[e.from], b = dated[e.to];
          ok = (a === true || b === true) && a !== false && b !== false;
        }
      }
      edgeHidden[e.id] = !ok;
      if (ok) { joined[e.from] = joined[e.to] = true; }
    });
    var nodeChanges = [];
    data.nodes.forEach(function (n) {
      var hidden = !nodeOk[n.id] || (byYear && !joined[n.id] && n.id !== data.focus && n.kind !== "Group");
      if (hidden !== !!n.hidden) { n.hidden = hidden; nodeChanges.push({ id: n.id, hidden: hidden }); }
    });
    var edgeChanges = [];
    data.edges.forEach(function (e) {
      if (edgeHidden[e.id] !== !!e.hidden) { e.hidden = edgeHidden[e.id]; edgeChanges.push({ id: e.id, hidden: e.hidden }); }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    var shown = data.nodes.filter(function (n) { return !n.hidden; }).length;
    var lines = data.edges.filter(function (e) { return !e.hidden; }).length;
    status.textContent = "Showing " + shown + " of " + data.nodes.length + " nodes and " + lines + " of " + data.edges.length + " relationships.";
  }
  state.applyFilters = applyFilters;

  function legendRow(parent, entry, symbol, words, onToggle) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-kind", entry.kind);
    box.addEventListener("change", function () { onToggle(entry.kind, box.checked); });
    label.appendChild(box);
    label.appendChild(symbol);
    label.appendChild(el("span", null, words));
    label.appendChild(el("span", "pg-count", entry.count));
    parent.appendChild(label);
    parent.appendChild(el("span", "pg-kind-desc", entry.description));
  }
  var nodeKinds = document.getElementById("pg-node-kinds");
  data.legend.nodes.forEach(function (entry) {
    var glyph = el("span", "pg-glyph", entry.glyph);
    glyph.style.color = entry.colour;
    legendRow(nodeKinds, entry, glyph, entry.kind, function (kind, shown) { kindShown[kind] = shown; applyFilters(); });
  });
  var edgeKinds = document.getElementById("pg-edge-kinds");
  data.legend.edges.forEach(function (entry) {
    var line = el("span", entry.dashes ? "pg-line pg-dashed" : "pg-line");
    line.style.borderTopColor = entry.colour;
    legendRow(edgeKinds, entry, line, entry.phrase, function (kind, shown) { relShown[kind] = shown; applyFilters(); });
  });

  // the year slider: two ranges, from and to
  if (data.yearRange && data.yearRange[0] < data.yearRange[1]) {
    var yearBox = document.getElementById("pg-years");
    yearBox.hidden = false;
    yearFrom = document.getElementById("pg-year-from");
    yearTo = document.getElementById("pg-year-to");
    var yearText = document.getElementById("pg-year-text");
    [yearFrom, yearTo].forEach(function (range) {
      range.min = data.yearRange[0]; range.max = data.yearRange[1]; range.step = 1;
    });
    yearFrom.value = data.yearRange[0]; yearTo.value = data.yearRange[1];
    var onYears = function (ev) {
      if (+yearFrom.value > +yearTo.value) {
        if (ev && ev.target === yearFrom) { yearTo.value = yearFrom.value; } else { yearFrom.value = yearTo.value; }
      }
      yearText.textContent = yearFrom.value === yearTo.value ? yearFrom.value : yearFrom.value + "\u2013" + yearTo.value;
      applyFilters();
    };
    yearFrom.addEventListener("input", onYears);
    yearTo.addEventListener("input", onYears);
    yearText.textContent = data.yearRange[0] + "\u2013" + data.yearRange[1];
    state.setYears = function (lo, hi) { yearFrom.value = lo; yearTo.value = hi; onYears(); };
  }

  var showNames = document.getElementById("pg-show-names");
  showNames.addEventListener("change", function () {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, label: showNames.checked ? n.fullLabel : "" }; }));
  });
  var showEdgeLabels = document.getElementById("pg-show-edge-labels");
  showEdgeLabels.checked = !!data.showEdgeLabels;
  showEdgeLabels.addEventListener("change", function () {
    edges.update(data.edges.map(function (e) { return { id: e.id, label: showEdgeLabels.checked && e.labelled ? e.fullLabel : "" }; }));
  });

  // export: the view as PNG or SVG, what is shown as CSV
  function fileStem() {
    return (data.title || "peergraph").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "peergraph";
  }
  function download(name, href) {
    var a = el("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  function downloadText(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    download(name, url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function exportPNG() {
    var source = container.querySelector("canvas");
    var canvas = document.createElement("canvas");
    canvas.width = source.width; canvas.height = source.height;
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    return canvas.toDataURL("image/png");
  }
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  var POLYGONS = { diamond: [4, 0], triangle: [3, -90], triangleDown: [3, 90], hexagon: [6, 0], star: [10, -90] };
  function shapeOf(n, x, y) {
    var r = n.size || 10, colour = typeof n.color === "string" ? n.color : n.color.background;
    var fill = { fill: colour, stroke: "#1a202c", "stroke-width": 1 };
    if (n.shape === "square") { return svgEl("rect", Object.assign({ x: x - r, y: y - r, width: 2 * r, height: 2 * r }, fill)); }
    var poly = POLYGONS[n.shape];
    if (!poly) { return svgEl("circle", Object.assign({ cx: x, cy: y, r: r }, fill)); }
    var points = [];
    for (var i = 0; i < poly[0]; i++) {
      var angle = (poly[1] + i * 360 / poly[0]) * Math.PI / 180, rr = n.shape === "star" && i % 2 ? r / 2.2 : r;
      points.push((x + rr * Math.cos(angle)).toFixed(1) + "," + (y + rr * Math.sin(angle)).toFixed(1));
    }
    return svgEl("polygon", Object.assign({ points: points.join(" ") }, fill));
  }
  function exportSVG() {
    var w = container.clientWidth, h = container.clientHeight;
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: w, y: h });
    var svg = svgEl("svg", { xmlns: SVG, width: w, height: h, viewBox: [a.x, a.y, b.x - a.x, b.y - a.y].map(function (v) { return v.toFixed(1); }).join(" ") });
    svg.appendChild(svgEl("title", {}, data.title));
    svg.appendChild(svgEl("rect", { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y, fill: "#ffffff" }));
    var pos = network.getPositions();
    var group = svgEl("g", { "font-family": "sans-serif", "font-size": 12 });
    data.edges.forEach(function (e) {
      if (e.hidden || !pos[e.from] || !pos[e.to]) { return; }
      var line = svgEl("line", { x1: pos[e.from].x, y1: pos[e.from].y, x2: pos[e.to].x, y2: pos[e.to].y, stroke: e.baseColor.color, "stroke-width": e.width || 1, "stroke-opacity": 0.8 });
      if (e.dashes) { line.setAttribute("stroke-dasharray", "6 4"); }
      line.appendChild(svgEl("title", {}, e.tip.name));
      group.appendChild(line);
    });
    data.nodes.forEach(function (n) {
      if (n.hidden || !pos[n.id]) { return; }
      var p = pos[n.id], shape = shapeOf(n, p.x, p.y);
      shape.appendChild(svgEl("title", {}, n.tip.name));
      group.appendChild(shape);
      if (showNames.checked) {
        group.appendChild(svgEl("text", { x: p.x, y: p.y + (n.size || 10) + 13, "text-anchor": "middle", fill: "#1a202c", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" }, n.fullLabel));
      }
    });
    svg.appendChild(group);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }
  function csvCell(value) {
    var text = value === undefined || value === null ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; } // not a formula in a spreadsheet
    return '"' + text.replace(/"/g, '""') + '"';
  }
  function csv(rows) { return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n"; }
  function exportCSV(which) {
    if (which === "nodes") {
      return csv([["name", "kind", "years", "source"]].concat(data.nodes.filter(function (n) { return !n.hidden; }).map(function (n) {
        return [n.tip.name, n.kind, (n.years || []).join(" "), n.tip.source];
      })));
    }
    return csv([["from", "relationship", "to", "years", "evidence", "source"]].concat(data.edges.filter(function (e) { return !e.hidden; }).map(function (e) {
      return [byId[e.from].tip.name, e.fullLabel, byId[e.to].tip.name, (e.years || []).join(" "), e.tip.evidence, e.tip.source];
    })));
  }
  state.exportPNG = exportPNG;
  state.exportSVG = exportSVG;
  state.exportCSV = exportCSV;
  document.getElementById("pg-export-png").addEventListener("click", function () { download(fileStem() + ".png", exportPNG()); });
  document.getElementById("pg-export-svg").addEventListener("click", function () { downloadText(fileStem() + ".svg", exportSVG(), "image/svg+xml"); });
  document.getElementById("pg-export-nodes").addEventListener("click", function () { downloadText(fileStem() + "-nodes.csv", exportCSV("nodes"), "text/csv"); });
  document.getElementById("pg-export-edges").addEventListener("click", function () { downloadText(fileStem() + "-relationships.csv", exportCSV("relationships"), "text/csv"); });
}());
