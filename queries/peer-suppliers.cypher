// name: peer-suppliers
// description: Councils and organisations whose people served as peers, most peers first.
// columns: supplier, kind, peers, reviews, people
// python: none
// The reviews are the count the loader wrote (reviews_supplied); an employer in a store
// loaded before it existed has its (person, review) rows counted, as before (the last two
// parts, one per label so that each starts from its few employers).
CALL {
  MATCH (p:Peer)-[:WORKS_FOR]->(e)
  WHERE (e:Council OR e:Organisation) AND e.reviews_supplied IS NOT NULL AND p.reviews_served > 0
  WITH e, p.name AS name ORDER BY name
  WITH e, collect(DISTINCT name) AS people
  RETURN coalesce(e.short_name, e.name) AS supplier, e:Council AS council, people,
         e.reviews_supplied AS reviews
  UNION ALL
  MATCH (e:Council)<-[:WORKS_FOR]-(p:Peer)-[:SERVED_ON]->(r:Review)
  WHERE e.reviews_supplied IS NULL
  WITH e, p, r ORDER BY p.name
  WITH e, collect(DISTINCT p.name) AS people, count(DISTINCT r) AS reviews
  RETURN coalesce(e.short_name, e.name) AS supplier, true AS council, people, reviews
  UNION ALL
  MATCH (e:Organisation)<-[:WORKS_FOR]-(p:Peer)-[:SERVED_ON]->(r:Review)
  WHERE e.reviews_supplied IS NULL
  WITH e, p, r ORDER BY p.name
  WITH e, collect(DISTINCT p.name) AS people, count(DISTINCT r) AS reviews
  RETURN coalesce(e.short_name, e.name) AS supplier, false AS council, people, reviews
}
RETURN supplier,
       CASE WHEN council THEN 'council' ELSE 'organisation' END AS kind,
       size(people) AS peers,
       reviews,
       people
ORDER BY peers DESC, reviews DESC, supplier
