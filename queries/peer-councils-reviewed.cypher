// name: peer-councils-reviewed
// description: Councils that supplied a peer to another review and were themselves reviewed,
//   before or after.
// columns: council, peer, served_on, served_in, reviewed_in, own_review
// python: none
// Each review's councils are named once (not once per row it appears in), before the
// join that multiplies a peer's reviews by their employer's.
MATCH (lent:Review)
OPTIONAL MATCH (lent)-[:OF]->(lc:Council)
WITH lent, lc ORDER BY lc.id
WITH lent, collect(coalesce(lc.short_name, lc.name)) AS names
WITH lent, reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x) AS served_on
MATCH (lent)<-[:SERVED_ON]-(p:Peer)-[:WORKS_FOR]->(c:Council)<-[:OF]-(own:Review)
WHERE lent.id <> own.id
RETURN coalesce(c.short_name, c.name) AS council,
       p.name AS peer,
       served_on,
       lent.year AS served_in,
       own.year AS reviewed_in,
       CASE
         WHEN own.year > lent.year THEN 'after'
         WHEN own.year < lent.year THEN 'before'
         ELSE 'same year'
       END AS own_review
ORDER BY council, peer, served_in, reviewed_in
