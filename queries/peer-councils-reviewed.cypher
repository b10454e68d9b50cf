// name: peer-councils-reviewed
// description: Councils that supplied peers to other reviews and were themselves reviewed:
//   one row per council, with how many of its people served as peers, on how many reviews,
//   the years they served, the years the council was reviewed, and whether it was reviewed
//   after its first peer served. The people and reviews behind a row: peergraph report
//   council NAME (its "review" and "peer supplied" rows).
// columns: council, peers, reviews, served_in, reviewed_in, reviewed_after
// python: none
// A peer's review counts against one of the council's own reviews when the two are
// different reviews. Only scalars are carried into the big join and its grouping keys
// (grouping by a list is slow), and the council's own reviews are read again after it, so
// nothing multiplies its rows.
MATCH (c:Council)<-[:OF]-(own:Review)
WITH c, count(own) AS n_own, min(own.id) AS only_own
MATCH (c)<-[:WORKS_FOR]-(p:Peer)-[:SERVED_ON]->(lent:Review)
WHERE n_own > 1 OR lent.id <> only_own
WITH c, count(DISTINCT p) AS peers, count(DISTINCT lent) AS reviews, min(lent.id) AS only_lent,
     collect(DISTINCT lent.year) AS lent_years
WITH c, peers, reviews, lent_years,
     [(c)<-[:OF]-(own:Review) WHERE (reviews > 1 OR own.id <> only_lent) AND own.year IS NOT NULL
       | own.year] AS own_years
WITH c, peers, reviews, lent_years, own_years,
     reduce(m = lent_years[0], y IN lent_years | CASE WHEN y < m THEN y ELSE m END) AS first,
     reduce(m = lent_years[0], y IN lent_years | CASE WHEN y > m THEN y ELSE m END) AS last,
     reduce(m = own_years[0], y IN own_years | CASE WHEN y < m THEN y ELSE m END) AS own_first,
     reduce(m = own_years[0], y IN own_years | CASE WHEN y > m THEN y ELSE m END) AS own_last
RETURN coalesce(c.short_name, c.name) AS council,
       peers,
       reviews,
       [y IN range(coalesce(first, 0), coalesce(last, -1)) WHERE y IN lent_years] AS served_in,
       [y IN range(coalesce(own_first, 0), coalesce(own_last, -1)) WHERE y IN own_years]
         AS reviewed_in,
       own_last > first AS reviewed_after
ORDER BY council
