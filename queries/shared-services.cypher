// name: shared-services
// description: Every shared-service pairing: what is shared, the reviews of either side, and
//   peers from the pairing who reviewed another shared-service partnership.
// columns: councils, shared, since, reviews, peers_lent
// python: none
// Reviews and people are found from the pair's two councils (UNWIND [a, b]), not by
// testing every review and every employment against the pair; the councils in other
// partnerships (others) are listed once per pair, not found again for each review. A
// pair's people are matched only with a review of another partnership (one pattern), not
// every employee first: the rows that lend nobody made no line of the answer.
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
WITH a, b, s, reviews,
     [(a)-[:SHARED_WITH]-(x:Council) | x.id] + [(b)-[:SHARED_WITH]-(x:Council) | x.id]
       + [a.id, b.id] AS own
MATCH (x:Council)-[:SHARED_WITH]-(:Council)
WITH a, b, s, reviews, own, collect(DISTINCT x.id) AS sharing
WITH a, b, s, reviews, [x IN sharing WHERE NOT x IN own] AS others
UNWIND [a, b] AS e
OPTIONAL MATCH (e)<-[:WORKS_FOR]-(p:Peer)-[:SERVED_ON]->(r2:Review)-[:OF]->(o:Council)
WHERE o.id IN others
WITH a, b, s, reviews, p, r2, o ORDER BY o.id
WITH a, b, s, reviews, p, r2, collect(DISTINCT coalesce(o.short_name, o.name)) AS onames
WITH a, b, s, reviews,
     CASE WHEN r2 IS NULL THEN null ELSE p.name + ' -> '
       + reduce(t = '', x IN onames | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
       + ' ' + toString(r2.year) END AS lent
ORDER BY lent
WITH a, b, s, reviews, collect(DISTINCT lent) AS peers_lent
RETURN coalesce(a.short_name, a.name) + ' & ' + coalesce(b.short_name, b.name) AS councils,
       s.what AS shared,
       s.year AS since,
       reviews,
       peers_lent
ORDER BY councils
