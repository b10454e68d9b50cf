// name: advice-flow
// description: How good practice travels: featured council -> the review that recommended
//   it -> the council reviewed.
// columns: featured, signpost, year, recommended_to
// python: none
MATCH (f:Council)<-[:FEATURES]-(s:Signpost)<-[:RECOMMENDS]-(r:Review)-[:OF]->(to:Council)
WITH f, s, r, to ORDER BY to.id
WITH f, s, r, collect(coalesce(to.short_name, to.name)) AS names
RETURN coalesce(f.short_name, f.name) AS featured,
       s.title AS signpost,
       r.year AS year,
       reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
         AS recommended_to
ORDER BY featured, signpost, year, recommended_to
