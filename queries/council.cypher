// name: council
// description: A council's dossier: reviews, peers received and supplied, partners, signposts
//   recommended to it and featuring it, and its advice by theme.
// param: council council -- a council's name, short name, code or any alias ("bury", "BUR")
// columns: section, year, item, detail
// example: bury
// python: none (the name is matched to a council id in Python before the query runs)
CALL {
  MATCH (c:Council {id: $council})
  RETURN 0 AS part, 'council' AS section, null AS year, c.name AS item,
         coalesce(c.kind, '') + ' (' + c.id + ')' AS detail
  UNION ALL
  MATCH (c:Council {id: $council})<-[:OF]-(r:Review)
  RETURN 1 AS part, 'review' AS section, r.year AS year, coalesce(r.kind, 'review') AS item,
         coalesce(r.start_date + ' to ' + r.end_date, r.title, '') AS detail
  UNION ALL
  MATCH (c:Council {id: $council})-[rb:REVIEWED_BY]->(p:Peer)
  OPTIONAL MATCH (p)-[s:SERVED_ON]->(r:Review)
  WHERE r.id = rb.review
  OPTIONAL MATCH (p)-[:WORKS_FOR]->(e)
  WITH rb, p, s, e ORDER BY e.name
  WITH rb, p, s, collect(coalesce(e.short_name, e.name)) AS employers
  RETURN 2 AS part, 'peer received' AS section, rb.year AS year, p.name AS item,
         coalesce(s.role, '') + ', '
           + reduce(t = '', x IN employers | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
           AS detail
  UNION ALL
  MATCH (c:Council {id: $council})<-[:WORKS_FOR]-(p:Peer)-[:SERVED_ON]->(r:Review)
  OPTIONAL MATCH (r)-[:OF]->(o:Council)
  WITH p, r, o ORDER BY o.id
  WITH p, r, collect(coalesce(o.short_name, o.name)) AS names
  RETURN 3 AS part, 'peer supplied' AS section, r.year AS year, p.name AS item,
         'reviewed ' + reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
           AS detail
  UNION ALL
  MATCH (c:Council {id: $council})-[s:SHARED_WITH]-(x:Council)
  RETURN 4 AS part, 'partner' AS section, s.year AS year, coalesce(x.short_name, x.name) AS item,
         coalesce(s.what, '') AS detail
  UNION ALL
  MATCH (c:Council {id: $council})<-[:OF]-(r:Review)-[:RECOMMENDS]->(s:Signpost)
  OPTIONAL MATCH (s)-[:FEATURES]->(f:Council)
  WITH r, s, f ORDER BY f.id
  WITH r, s, collect(coalesce(f.short_name, f.name)) AS names
  RETURN 5 AS part, 'signpost to it' AS section, r.year AS year, s.title AS item,
         'features ' + reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
           AS detail
  UNION ALL
  MATCH (c:Council {id: $council})<-[:FEATURES]-(s:Signpost)<-[:RECOMMENDS]-(r:Review)
  OPTIONAL MATCH (r)-[:OF]->(o:Council)
  WITH r, s, o ORDER BY o.id
  WITH r, s, collect(coalesce(o.short_name, o.name)) AS names
  RETURN 6 AS part, 'signpost from it' AS section, r.year AS year, s.title AS item,
         'recommended to '
           + reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
           AS detail
  UNION ALL
  MATCH (c:Council {id: $council})<-[:OF]-(r:Review)-[:MADE]->(rec:Recommendation)
  OPTIONAL MATCH (rec)-[:ABOUT]->(t:Theme)
  WITH r, coalesce(t.name, '(no theme)') AS theme, count(DISTINCT rec) AS n,
       count(CASE WHEN rec.key THEN 1 END) AS k
  RETURN 7 AS part, 'advice' AS section, r.year AS year, theme AS item,
         toString(n) + ' recommendation' + CASE WHEN n = 1 THEN '' ELSE 's' END
           + CASE WHEN k > 0 THEN ' (' + toString(k) + ' key)' ELSE '' END AS detail
}
RETURN section, year, item, detail
ORDER BY part, year, item, detail
