/* peergraph name matching in the page: the same rule as queries/names.py
 * (Matcher.matches), so the map's Find box accepts what `peergraph report` accepts.
 *
 * A query is tried against each candidate's id and spellings (name, short name,
 * aliases, and the label the map draws, e.g. "Bury 2013") in tiers from strict to
 * loose; the first tier that matches anything decides, and every candidate it
 * matches is returned:
 *   1. the id, ignoring case;
 *   2. the folded text (graphload.vocab.text.fold: case, accents, apostrophes,
 *      punctuation, "&" = "and");
 *   3. the distinctive words only (GENERIC_WORDS such as "District Council" dropped);
 *   4. each query word starts a word of the name, in order ("brom" → Bromsgrove);
 *   5. one spelling slip (graphload.vocab.names_match.one_slip_apart: one letter
 *      inserted, deleted or changed, or two neighbouring letters swapped).
 * A person's titles and honours are dropped from the query before it is tried
 * against people ("Cllr Nick Worth OBE"); the lists come from
 * graphload.vocab.people, sent in the page's data (rule.titles, rule.honours,
 * rule.upperHonours).
 * tests/test_map_names_js.py runs this file in node against the Python rule.
 * Keep both in step: a change to one is a change to the other. */
var peergraphNames = (function () {
  "use strict";
  var GENERIC_WORDS = {};
  ["council", "councils", "district", "borough", "metropolitan", "city", "county",
    "london", "royal", "unitary", "authority", "of", "the", "and", "dc", "bc", "mbc",
    "cc", "lbo"].forEach(function (w) { GENERIC_WORDS[w] = true; });

  function normalise(text) {
    var folded = String(text).normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase();
    folded = folded.replace(/&/g, " and ").replace(/['\u2019\u2018`]/g, "").replace(/[^a-z0-9]+/g, " ");
    return folded.split(" ").filter(Boolean).join(" ");
  }

  function core(text) {
    var norm = normalise(text);
    var words = norm.split(" ").filter(function (w) { return w && !GENERIC_WORDS[w]; });
    return words.length ? words.join(" ") : norm;
  }

  // one inserted, deleted or changed letter, or two neighbouring letters swapped
  function oneSlipApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) { return false; }
    if (a.length === b.length) {
      var diffs = [];
      for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { diffs.push(i); if (diffs.length > 2) { return false; } } }
      if (diffs.length === 1) { return true; }
      return diffs.length === 2 && diffs[1] === diffs[0] + 1 && a[diffs[0]] === b[diffs[1]] && a[diffs[1]] === b[diffs[0]];
    }
    var shorter = a.length < b.length ? a : b, longer = a.length < b.length ? b : a;
    for (var k = 0; k < longer.length; k++) {
      if (longer.slice(0, k) + longer.slice(k + 1) === shorter) { return true; }
    }
    return false;
  }

  function wordsIn(query, target) {
    var q = query.split(" ").filter(Boolean), t = target.split(" ").filter(Boolean);
    if (!q.length) { return false; }
    var i = 0;
    t.forEach(function (word) { if (i < q.length && word.indexOf(q[i]) === 0) { i++; } });
    return i === q.length;
  }

  function setOf(list) { var out = {}; (list || []).forEach(function (w) { out[w] = true; }); return out; }

  // graphload.vocab.people.strip_titles: leading titles and trailing honours removed
  function stripTitles(text, rule) {
    var words = String(text).replace(/,/g, " ").split(/\s+/).filter(Boolean);
    while (words.length && rule.titles[words[0].toLowerCase().replace(/\.+$/, "")]) { words.shift(); }
    while (words.length) {
      var bare = words[words.length - 1].replace(/^[.,()]+|[.,()]+$/g, "");
      var upper = bare.toUpperCase();
      if (!(rule.honours[bare] || (rule.upperHonours[upper] && bare === upper && /[A-Z]/.test(bare)))) { break; }
      words.pop();
    }
    return words.join(" ");
  }

  // candidates: [{id, kind, spellings: [..]}]; the keys are computed once
  function prepare(candidates, rule) {
    var prepared = candidates.map(function (c) {
      return {
        item: c, id: String(c.id).toLowerCase(), person: c.kind === "Peer",
        norms: c.spellings.map(normalise), cores: c.spellings.map(core)
      };
    });
    prepared.rule = {
      titles: setOf(rule && rule.titles), honours: setOf(rule && rule.honours),
      upperHonours: setOf(rule && rule.upperHonours)
    };
    return prepared;
  }

  var TIERS = [
    function (q, c) { return q.raw === c.id; },
    function (q, c) { return c.norms.indexOf(q.norm) >= 0; },
    function (q, c) { return c.cores.indexOf(q.core) >= 0; },
    function (q, c) { return c.cores.some(function (s) { return wordsIn(q.core, s); }); },
    function (q, c) { return c.cores.some(function (s) { return oneSlipApart(q.core, s); }); }
  ];

  function query(text) {
    return { raw: String(text).trim().toLowerCase(), norm: normalise(text), core: core(text) };
  }

  function matches(prepared, text) {
    if (!normalise(text)) { return []; }
    var plain = query(text), person = query(stripTitles(text, prepared.rule) || text);
    for (var t = 0; t < TIERS.length; t++) {
      var found = prepared.filter(function (c) { return TIERS[t](c.person ? person : plain, c); });
      if (found.length) { return found.map(function (c) { return c.item; }); }
    }
    return [];
  }

  return { normalise: normalise, core: core, oneSlipApart: oneSlipApart, prepare: prepare, matches: matches };
}());
if (typeof module !== "undefined") { module.exports = peergraphNames; }
