/* peergraph name matching in the page: the same rule as queries/names.py
 * (Matcher.matches), so the map's Find box accepts what `peergraph report` accepts.
 *
 * A query is tried against each candidate's id and spellings (name, short name,
 * aliases, and the label the map draws, e.g. "Bury 2013") in tiers from strict to
 * loose; the first tier that matches anything decides, and every candidate it
 * matches is returned:
 *   1. the id, ignoring case;
 *   2. the normalised text (case, accents, punctuation, "&" = "and");
 *   3. the distinctive words only (GENERIC_WORDS such as "District Council" dropped);
 *   4. each query word starts a word of the name, in order ("brom" → Bromsgrove);
 *   5. one spelling slip (difflib ratio >= 0.85, >= 0.9 for 12+ characters);
 *   6. the same number of words, each one slip apart ("dai lerner" → Dai Larner).
 * tests/test_map_names_js.py runs this file in node against the Python rule.
 * Keep both in step: a change to one is a change to the other. */
var peergraphNames = (function () {
  "use strict";
  var GENERIC_WORDS = {};
  ["council", "councils", "district", "borough", "metropolitan", "city", "county",
    "london", "royal", "unitary", "authority", "of", "the", "and", "dc", "bc", "mbc",
    "cc", "lbo"].forEach(function (w) { GENERIC_WORDS[w] = true; });

  function normalise(text) {
    var folded = String(text).normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    folded = folded.toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, " ");
    return folded.split(" ").filter(Boolean).join(" ");
  }

  function core(text) {
    var norm = normalise(text);
    var words = norm.split(" ").filter(function (w) { return w && !GENERIC_WORDS[w]; });
    return words.length ? words.join(" ") : norm;
  }

  // difflib.SequenceMatcher(None, a, b).ratio() for short strings (no junk heuristic)
  function ratio(a, b) {
    if (!a.length && !b.length) { return 1; }
    var b2j = {};
    for (var j = 0; j < b.length; j++) { (b2j[b[j]] = b2j[b[j]] || []).push(j); }
    function longest(alo, ahi, blo, bhi) {
      var besti = alo, bestj = blo, bestsize = 0, j2len = {};
      for (var i = alo; i < ahi; i++) {
        var next = {}, js = b2j[a[i]] || [];
        for (var n = 0; n < js.length; n++) {
          var jj = js[n];
          if (jj < blo) { continue; }
          if (jj >= bhi) { break; }
          var k = next[jj] = (j2len[jj - 1] || 0) + 1;
          if (k > bestsize) { besti = i - k + 1; bestj = jj - k + 1; bestsize = k; }
        }
        j2len = next;
      }
      return [besti, bestj, bestsize];
    }
    var matched = 0, queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop(), m = longest(q[0], q[1], q[2], q[3]);
      if (m[2]) {
        matched += m[2];
        if (q[0] < m[0] && q[2] < m[1]) { queue.push([q[0], m[0], q[2], m[1]]); }
        if (m[0] + m[2] < q[1] && m[1] + m[2] < q[3]) { queue.push([m[0] + m[2], q[1], m[1] + m[2], q[3]]); }
      }
    }
    return 2 * matched / (a.length + b.length);
  }

  function near(a, b) {
    if (a === b) { return true; }
    if (Math.abs(a.length - b.length) > 2) { return false; }
    return ratio(a, b) >= (a.length < 12 ? 0.85 : 0.9);
  }

  function wordsIn(query, target) {
    var q = query.split(" ").filter(Boolean), t = target.split(" ").filter(Boolean);
    if (!q.length) { return false; }
    var i = 0;
    t.forEach(function (word) { if (i < q.length && word.indexOf(q[i]) === 0) { i++; } });
    return i === q.length;
  }

  function nearWords(query, target) {
    var q = query.split(" ").filter(Boolean), t = target.split(" ").filter(Boolean);
    return q.length === t.length && q.every(function (w, i) { return near(w, t[i]); });
  }

  // candidates: [{id, spellings: [..]}]; the keys are computed once
  function prepare(candidates) {
    return candidates.map(function (c) {
      return {
        item: c, id: String(c.id).toLowerCase(),
        norms: c.spellings.map(normalise), cores: c.spellings.map(core)
      };
    });
  }

  var TIERS = [
    function (q, c) { return q.raw === c.id; },
    function (q, c) { return c.norms.indexOf(q.norm) >= 0; },
    function (q, c) { return c.cores.indexOf(q.core) >= 0; },
    function (q, c) { return c.cores.some(function (s) { return wordsIn(q.core, s); }); },
    function (q, c) { return c.cores.some(function (s) { return near(q.core, s); }); },
    function (q, c) { return c.cores.some(function (s) { return nearWords(q.core, s); }); }
  ];

  function matches(prepared, text) {
    var q = { raw: String(text).trim().toLowerCase(), norm: normalise(text), core: core(text) };
    if (!q.norm) { return []; }
    for (var t = 0; t < TIERS.length; t++) {
      var found = prepared.filter(function (c) { return TIERS[t](q, c); });
      if (found.length) { return found.map(function (c) { return c.item; }); }
    }
    return [];
  }

  return { normalise: normalise, core: core, ratio: ratio, prepare: prepare, matches: matches };
}());
if (typeof module !== "undefined") { module.exports = peergraphNames; }
