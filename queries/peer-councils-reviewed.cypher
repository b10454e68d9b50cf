// name: peer-councils-reviewed
// description: Councils that supplied peers to other reviews and were themselves reviewed:
//   one row per council, with how many of its people served as peers, on how many reviews,
//   the years they served, the years the council was reviewed, and whether it was reviewed
//   after its first peer served. The people and reviews behind a row: peergraph report
//   council NAME (its "review" and "peer supplied" rows).
// columns: council, peers, reviews, served_in, reviewed_in, reviewed_after
// python: none
// A peer's review counts against one of the council's own reviews when the two are
// different reviews. That is every review its people served on (the loader's counts:
// peers_supplied, reviews_supplied, years_supplied) unless the council was reviewed once
// and its own people served on that review; such a council, and every council of a store
// loaded before the counts existed, has its (person, review) rows grouped here instead.
// Only scalars are carried into that join and its grouping keys (grouping by a list is
// slow), and the council's own reviews are read again after it, so nothing multiplies
// its rows. The guarded OPTIONAL MATCHes read nothing for the councils they do not serve.
MATCH (c:Council)<-[:OF]-(own:Review)
WITH c, count(own) AS n_own, min(own.id) AS only_own
OPTIONAL MATCH (c)<-[:OF]-(:Review)<-[:SERVED_ON]-(mine:Peer)-[:WORKS_FOR]->(c)
WHERE n_own = 1
WITH c, n_own, only_own, count(mine) AS own_people
WITH c, n_own, only_own, c.years_supplied IS NOT NULL AND own_people = 0 AS counted
OPTIONAL MATCH (c)<-[:WORKS_FOR]-(p:Peer)-[:SERVED_ON]->(lent:Review)
WHERE NOT counted AND (n_own > 1 OR lent.id <> only_own)
WITH c, counted, count(DISTINCT p) AS peers, count(DISTINCT lent) AS reviews,
     min(lent.id) AS only_lent, collect(DISTINCT lent.year) AS lent_years
WITH c, counted, only_lent,
     CASE WHEN counted THEN c.peers_supplied ELSE peers END AS peers,
     CASE WHEN counted THEN c.reviews_supplied ELSE reviews END AS reviews,
     CASE WHEN counted THEN c.years_supplied ELSE lent_years END AS lent_years
WHERE reviews > 0
OPTIONAL MATCH (c)<-[:WORKS_FOR]-(:Peer)-[:SERVED_ON]->(one:Review)
WHERE counted AND reviews = 1
WITH c, peers, reviews, lent_years, only_lent, min(one.id) AS only_one
WITH c, peers, reviews, lent_years, coalesce(only_lent, only_one) AS only_lent
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
