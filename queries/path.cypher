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
//   is the one-hop expansion; Python runs it once per layer from the frontier (node ids),
//   skipping $exclude labels (documents, themes, recommendations: links, not connections),
//   and takes the first path found, ties broken by relationship type and node id.
// One part per label, each given the frontier's nodes of its label ($councils, $peers,
// $organisations, $reviews, $signposts, $documents, $recommendations, $themes: lists of
// ids), so a label none of them has costs nothing. Review, Document and Recommendation
// (tens of thousands of nodes) have no id index at rest, so each of those labels is read
// once, and only when the frontier holds one of them. Of a relationship only
// what a step's detail shows travels (rel). FalkorDB does not carry a node out of CALL
// into a later MATCH, so each part makes the whole hop.
CALL {
  UNWIND $councils AS id MATCH (n:Council {id: id})-[r]-(m) RETURN n, r, m
  UNION ALL
  UNWIND $peers AS id MATCH (n:Peer {id: id})-[r]-(m) RETURN n, r, m
  UNION ALL
  UNWIND $organisations AS id MATCH (n:Organisation {id: id})-[r]-(m) RETURN n, r, m
  UNION ALL
  UNWIND $signposts AS id MATCH (n:Signpost {id: id})-[r]-(m) RETURN n, r, m
  UNION ALL
  UNWIND $themes AS id MATCH (n:Theme {id: id})-[r]-(m) RETURN n, r, m
  UNION ALL
  UNWIND CASE WHEN size($reviews) > 0 THEN [$reviews] ELSE [] END AS ids
  MATCH (n:Review)-[r]-(m) WHERE n.id IN ids RETURN n, r, m
  UNION ALL
  UNWIND CASE WHEN size($documents) > 0 THEN [$documents] ELSE [] END AS ids
  MATCH (n:Document)-[r]-(m) WHERE n.id IN ids RETURN n, r, m
  UNION ALL
  UNWIND CASE WHEN size($recommendations) > 0 THEN [$recommendations] ELSE [] END AS ids
  MATCH (n:Recommendation)-[r]-(m) WHERE n.id IN ids RETURN n, r, m
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
