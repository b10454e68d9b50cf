// name: advice-flow
// description: How good practice travels: featured council -> the review that recommended
//   it -> the council reviewed.
// columns: featured, signpost, year, recommended_to
// limit: 50
// python: none
// Each review's councils are named once, and each signpost's reviews sorted once, before
// the featured councils multiply the rows; then the first $limit rows (0: all) are kept.
// total is how many rows there are in all.
MATCH (s:Signpost)<-[:RECOMMENDS]-(r:Review)-[:OF]->(to:Council)
WITH s, r, to ORDER BY to.id
WITH s, r, collect(coalesce(to.short_name, to.name)) AS names
WITH s, r.year AS year,
     reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x) AS recommended_to
ORDER BY year, recommended_to
WITH s, collect([year, recommended_to]) AS recommendations
MATCH (s)-[:FEATURES]->(f:Council)
WITH coalesce(f.short_name, f.name) AS featured, s.title AS signpost, recommendations
ORDER BY featured, signpost
UNWIND recommendations AS recommendation
WITH collect([featured, signpost, recommendation[0], recommendation[1]]) AS found
WITH size(found) AS total, CASE WHEN $limit > 0 THEN found[0..$limit] ELSE found END AS shown
UNWIND range(0, size(shown) - 1) AS i
RETURN shown[i][0] AS featured,
       shown[i][1] AS signpost,
       shown[i][2] AS year,
       shown[i][3] AS recommended_to,
       total
ORDER BY i
