// name: repeat-peers
// description: People who served on N or more reviews, with the reviews, years and councils reviewed.
// param: min int = 2 -- fewest reviews a person must have served on
// columns: peer, reviews, years, councils_reviewed, roles
// example: --min 1
// python: none
MATCH (p:Peer)-[:SERVED_ON]->(r:Review)
WITH p, count(DISTINCT r) AS n
WHERE n >= $min
MATCH (p)-[s:SERVED_ON]->(r:Review)
OPTIONAL MATCH (r)-[:OF]->(c:Council)
WITH p, n, r, s, c ORDER BY c.id
WITH p, n, r, s, collect(coalesce(c.short_name, c.name)) AS names
WITH p, n, r, s,
     reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x) AS reviewed
ORDER BY r.year, r.id
RETURN p.name AS peer,
       n AS reviews,
       collect(r.year) AS years,
       collect(reviewed + ' ' + coalesce(toString(r.year), '')) AS councils_reviewed,
       collect(coalesce(s.role, '')) AS roles
ORDER BY reviews DESC, peer
