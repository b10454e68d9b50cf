// name: repeat-peers
// description: People who served on N or more reviews, with the reviews, years and councils reviewed.
// param: min int = 2 -- fewest reviews a person must have served on
// columns: peer, reviews, years, councils_reviewed, roles
// example: --min 1
// limit: 50
// python: none
// The people are ranked first, by the count the loader wrote (Peer.reviews_served); a
// store loaded before it existed counts each person's SERVED_ON relationships (one per
// peer and review, see IDENTITY_PROPERTY in graphload/model.py). Only the first $limit
// (0: all) are described. total is how many people qualify.
CALL {
  MATCH (p:Peer) WHERE p.reviews_served IS NOT NULL
  RETURN p.id AS id, p.name AS name, p.reviews_served AS n
  UNION ALL
  MATCH (p:Peer)-[:SERVED_ON]->(r:Review) WHERE p.reviews_served IS NULL
  WITH p, count(r) AS n
  RETURN p.id AS id, p.name AS name, n
}
WITH id, name, n
WHERE n >= $min AND n > 0
WITH id, name, n ORDER BY n DESC, name
WITH collect(id) AS ranked
WITH size(ranked) AS total, CASE WHEN $limit > 0 THEN ranked[0..$limit] ELSE ranked END AS shown
UNWIND range(0, size(shown) - 1) AS rank
WITH total, rank, shown[rank] AS id
MATCH (p:Peer {id: id})-[s:SERVED_ON]->(r:Review)
OPTIONAL MATCH (r)-[:OF]->(c:Council)
WITH total, rank, p, s, r, c ORDER BY c.id
WITH total, rank, p, s, r, collect(coalesce(c.short_name, c.name)) AS names
WITH total, rank, p, s, r,
     reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x) + ' '
       + coalesce(toString(r.year), '') AS reviewed
ORDER BY r.year, r.id
WITH total, rank, p, count(r) AS n, collect(r.year) AS years,
     collect(reviewed) AS councils_reviewed, collect(coalesce(s.role, '')) AS roles
RETURN p.name AS peer,
       n AS reviews,
       years,
       councils_reviewed,
       roles,
       total
ORDER BY rank
