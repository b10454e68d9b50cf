// name: repeat-peers
// description: People who served on N or more reviews, with the reviews, years and councils reviewed.
// param: min int = 2 -- fewest reviews a person must have served on
// columns: peer, reviews, years, councils_reviewed, roles
// example: --min 1
// python: none
// Each review's label is made once (not once per peer on it), then joined to its peers.
MATCH (r:Review)
OPTIONAL MATCH (r)-[:OF]->(c:Council)
WITH r, c ORDER BY c.id
WITH r, collect(coalesce(c.short_name, c.name)) AS names
WITH r, reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x) + ' '
          + coalesce(toString(r.year), '') AS reviewed
MATCH (p:Peer)-[s:SERVED_ON]->(r)
WITH p, r, s, reviewed ORDER BY r.year, r.id
WITH p, count(DISTINCT r) AS n, collect(r.year) AS years, collect(reviewed) AS councils_reviewed,
     collect(coalesce(s.role, '')) AS roles
WHERE n >= $min
RETURN p.name AS peer,
       n AS reviews,
       years,
       councils_reviewed,
       roles
ORDER BY reviews DESC, peer
