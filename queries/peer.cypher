// name: peer
// description: A peer's record: the reviews they served on, their employers and co-reviewers.
// param: peer peer -- a person's name or any spelling seen ("dai larner", "Dai Lerner")
// columns: section, year, item, detail
// example: dai lerner
// python: none (the name is matched to a peer id in Python before the query runs)
CALL {
  MATCH (p:Peer {id: $peer})
  RETURN 0 AS part, 'peer' AS section, null AS year, p.name AS item,
         CASE WHEN p.councillor THEN 'councillor' ELSE 'officer' END
           + CASE WHEN p.party IS NULL THEN '' ELSE ' (' + p.party + ')' END
           + '; spelled ' + reduce(t = '', x IN coalesce(p.aliases, [p.name]) |
               t + CASE WHEN t = '' THEN '' ELSE ', ' END + x) AS detail
  UNION ALL
  MATCH (p:Peer {id: $peer})-[s:SERVED_ON]->(r:Review)
  OPTIONAL MATCH (r)-[:OF]->(c:Council)
  WITH s, r, c ORDER BY c.id
  WITH s, r, collect(coalesce(c.short_name, c.name)) AS names
  RETURN 1 AS part, 'served on' AS section, r.year AS year,
         reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x) AS item,
         coalesce(s.role, '') AS detail
  UNION ALL
  MATCH (p:Peer {id: $peer})-[w:WORKS_FOR]->(e)
  RETURN 2 AS part, 'employer' AS section, w.year AS year, coalesce(e.short_name, e.name) AS item,
         coalesce(w.role, '') AS detail
  UNION ALL
  MATCH (p:Peer {id: $peer})-[:SERVED_ON]->(r:Review)<-[s:SERVED_ON]-(o:Peer)
  WHERE o.id <> p.id
  OPTIONAL MATCH (r)-[:OF]->(c:Council)
  WITH o, s, r, c ORDER BY c.id
  WITH o, s, r, collect(coalesce(c.short_name, c.name)) AS names
  RETURN 3 AS part, 'co-reviewer' AS section, r.year AS year, o.name AS item,
         coalesce(s.role, '') + ' on '
           + reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
           AS detail
}
RETURN section, year, item, detail
ORDER BY part, year, item, detail
