// name: peer-suppliers
// description: Councils and organisations whose people served as peers, most peers first.
// columns: supplier, kind, peers, reviews, people
// python: none
MATCH (p:Peer)-[:WORKS_FOR]->(e)
WHERE e:Council OR e:Organisation
MATCH (p)-[:SERVED_ON]->(r:Review)
WITH e, p, r ORDER BY p.name
WITH e, collect(DISTINCT p.name) AS people, count(DISTINCT r) AS reviews
RETURN coalesce(e.short_name, e.name) AS supplier,
       CASE WHEN e:Council THEN 'council' ELSE 'organisation' END AS kind,
       size(people) AS peers,
       reviews,
       people
ORDER BY peers DESC, reviews DESC, supplier
