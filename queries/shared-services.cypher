// name: shared-services
// description: Every shared-service pairing: what is shared, the reviews of either side, and
//   peers from the pairing who reviewed another shared-service partnership.
// columns: councils, shared, since, reviews, peers_lent
// python: none
// Parts, each answering for every pair, joined by the pair's ids at the end (none
// carries another's lists through its rows). Reviews: found from the pair's two councils
// (UNWIND [a, b]). Peers lent: a pair's people are matched with the councils that were
// reviewed by them (REVIEWED_BY carries the review, its year and its councils' names,
// written by the loader: one hop, no grouping by review) and kept only for councils that
// share services (Council.shares_services) outside the pair's own partnerships; a review
// is shown by all its councils. A store loaded before the loader wrote those two
// properties has none of them: the last part then answers as before, grouping each
// review's rows (it returns no rows on a store that has them).
// The two partner lists name different variables: FalkorDB (4.x) answers the second of two
// pattern comprehensions of one variable name with an empty list.
CALL {
  MATCH (a:Council)-[s:SHARED_WITH]-(b:Council)
  WHERE a.id < b.id
  UNWIND [a, b] AS x
  OPTIONAL MATCH (x)<-[:OF]-(r:Review)
  OPTIONAL MATCH (r)-[:OF]->(rc:Council)
  WITH a, b, s, r, rc ORDER BY rc.id
  WITH a, b, s, r, collect(DISTINCT coalesce(rc.short_name, rc.name)) AS names
  WITH a, b, s, r,
       reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
         + ' ' + toString(r.year) AS label
  ORDER BY r.year, label
  WITH a, b, s, collect(DISTINCT label) AS reviews
  RETURN a.id + ' ' + b.id AS pair,
         coalesce(a.short_name, a.name) + ' & ' + coalesce(b.short_name, b.name) AS councils,
         s.what AS shared, s.year AS since, reviews, null AS peers_lent
  UNION ALL
  MATCH (a:Council)-[s:SHARED_WITH]-(b:Council)
  WHERE a.id < b.id
  WITH a, b, a.id + ' ' + b.id AS pair,
       [(a)-[:SHARED_WITH]-(x:Council) | x.id] + [(b)-[:SHARED_WITH]-(y:Council) | y.id]
         + [a.id, b.id] AS own
  UNWIND [a, b] AS e
  OPTIONAL MATCH (e)<-[:WORKS_FOR]-(p:Peer)<-[rb:REVIEWED_BY]-(o:Council)
  WHERE o.shares_services AND NOT o.id IN own
  WITH pair, p.name + ' -> ' + rb.councils + ' ' + toString(rb.year) AS lent
  ORDER BY lent
  WITH pair, collect(DISTINCT lent) AS peers_lent
  RETURN pair, null AS councils, null AS shared, null AS since, null AS reviews, peers_lent
  UNION ALL
  MATCH (x:Council)-[:SHARED_WITH]-(:Council)
  WHERE x.shares_services IS NULL
  WITH collect(DISTINCT x.id) AS sharing
  WHERE size(sharing) > 0
  MATCH (a:Council)-[s:SHARED_WITH]-(b:Council)
  WHERE a.id < b.id
  WITH sharing, a, b,
       [(a)-[:SHARED_WITH]-(x:Council) | x.id] + [(b)-[:SHARED_WITH]-(y:Council) | y.id]
         + [a.id, b.id] AS own
  WITH a, b, a.id + ' ' + b.id AS pair, [x IN sharing WHERE NOT x IN own] AS others
  UNWIND [a, b] AS e
  OPTIONAL MATCH (e)<-[:WORKS_FOR]-(p:Peer)<-[rb:REVIEWED_BY]-(o:Council)
  WHERE o.id IN others
  WITH pair, p.name + ' -> ' AS who, rb.review AS review, ' ' + toString(rb.year) AS year,
       o ORDER BY o.id
  WITH pair, who, review, year, collect(DISTINCT coalesce(o.short_name, o.name)) AS onames
  WITH pair,
       CASE WHEN review IS NULL THEN null ELSE who
         + reduce(t = '', x IN onames | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
         + year END AS lent
  ORDER BY lent
  WITH pair, collect(DISTINCT lent) AS peers_lent
  RETURN pair, null AS councils, null AS shared, null AS since, null AS reviews, peers_lent
}
WITH pair, collect(councils) AS councils, collect(shared) AS shared, collect(since) AS since,
     collect(reviews) AS reviews, collect(peers_lent) AS peers_lent
RETURN councils[0] AS councils,
       shared[0] AS shared,
       since[0] AS since,
       reviews[0] AS reviews,
       reduce(joined = [], lent IN peers_lent | joined + lent) AS peers_lent
ORDER BY councils
