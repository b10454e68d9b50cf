// name: advice-flow
// description: How good practice travels: featured council -> the review that recommended
//   it -> the council reviewed.
// columns: featured, signpost, year, recommended_to
// python: none
// Each review's councils are named once per signpost, before the featured councils
// multiply the rows.
MATCH (s:Signpost)<-[:RECOMMENDS]-(r:Review)-[:OF]->(to:Council)
WITH s, r, to ORDER BY to.id
WITH s, r, collect(coalesce(to.short_name, to.name)) AS names
WITH s, r, reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x) AS recommended_to
MATCH (s)-[:FEATURES]->(f:Council)
RETURN coalesce(f.short_name, f.name) AS featured,
       s.title AS signpost,
       r.year AS year,
       recommended_to
ORDER BY featured, signpost, year, recommended_to
