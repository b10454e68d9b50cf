// name: path
// description: The shortest connection between two councils or people, each relationship on
//   the way.
// param: start entity -- a council, peer or organisation (matched forgivingly)
// param: end entity -- another council, peer or organisation
// param: max_hops int = 6 -- give up beyond this many relationships
// columns: step, from, relationship, to, detail
// example: babergh bromsgrove
// python: breadth-first search. FalkorDB has no undirected shortestPath (and allows it only
//   in WITH/RETURN), Neo4j only in MATCH, so no one text finds the path on both. This file
//   is the one-hop expansion; Python runs it once per layer from $frontier (node ids),
//   skipping $exclude labels (documents, themes, recommendations: links, not connections),
//   and takes the first path found, ties broken by relationship type and node id.
// One part per label, so each label's id index finds the frontier (an unlabelled match
// reads every node). Of a relationship only what a step's detail shows travels (rel). FalkorDB does not carry a node out of CALL into a later MATCH, so
// each part makes the whole hop.
CALL {
  MATCH (n:Council)-[r]-(m) WHERE n.id IN $frontier RETURN n, r, m
  UNION ALL
  MATCH (n:Peer)-[r]-(m) WHERE n.id IN $frontier RETURN n, r, m
  UNION ALL
  MATCH (n:Organisation)-[r]-(m) WHERE n.id IN $frontier RETURN n, r, m
  UNION ALL
  MATCH (n:Review)-[r]-(m) WHERE n.id IN $frontier RETURN n, r, m
  UNION ALL
  MATCH (n:Signpost)-[r]-(m) WHERE n.id IN $frontier RETURN n, r, m
  UNION ALL
  MATCH (n:Document)-[r]-(m) WHERE n.id IN $frontier RETURN n, r, m
  UNION ALL
  MATCH (n:Recommendation)-[r]-(m) WHERE n.id IN $frontier RETURN n, r, m
  UNION ALL
  MATCH (n:Theme)-[r]-(m) WHERE n.id IN $frontier RETURN n, r, m
}
WITH n, r, m
WHERE NOT any(l IN labels(m) WHERE l IN $exclude)
RETURN n.id AS from_id,
       type(r) AS type,
       startNode(r).id = n.id AS outgoing,
       {role: r.role, what: r.what, year: r.year} AS rel,
       m.id AS to_id,
       coalesce(m.short_name, m.name, m.title, m.id) AS to_name,
       labels(m) AS to_labels
ORDER BY from_id, type, to_id
