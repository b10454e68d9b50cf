// name: peer-councils-reviewed
// description: Councils that supplied a peer to another review and were themselves reviewed,
//   before or after.
// columns: council, peer, served_on, served_in, reviewed_in, own_review
// python: none
MATCH (p:Peer)-[:WORKS_FOR]->(c:Council)<-[:OF]-(own:Review)
MATCH (p)-[:SERVED_ON]->(lent:Review)
WHERE lent.id <> own.id
OPTIONAL MATCH (lent)-[:OF]->(lc:Council)
WITH c, p, own, lent, lc ORDER BY lc.id
WITH c, p, own, lent, collect(coalesce(lc.short_name, lc.name)) AS names
RETURN coalesce(c.short_name, c.name) AS council,
       p.name AS peer,
       reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x) AS served_on,
       lent.year AS served_in,
       own.year AS reviewed_in,
       CASE
         WHEN own.year > lent.year THEN 'after'
         WHEN own.year < lent.year THEN 'before'
         ELSE 'same year'
       END AS own_review
ORDER BY council, peer, served_in, reviewed_in
