// name: signposts
// description: Examples of good practice the peer teams recommended: by how many reviews,
//   which councils they feature and who they were recommended to.
// columns: signpost, reviews, features, recommended_to
// python: none
MATCH (s:Signpost)
OPTIONAL MATCH (s)-[:FEATURES]->(f:Council)
WITH s, f ORDER BY f.id
WITH s, collect(coalesce(f.short_name, f.name)) AS features
OPTIONAL MATCH (r:Review)-[:RECOMMENDS]->(s)
OPTIONAL MATCH (r)-[:OF]->(to:Council)
WITH s, features, r, to ORDER BY to.id
WITH s, features, r, collect(coalesce(to.short_name, to.name)) AS names
WITH s, features, r,
     reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
       + ' ' + toString(r.year) AS label
ORDER BY r.year, label
WITH s, features, count(r) AS reviews, collect(label) AS recommended_to
RETURN s.title AS signpost, reviews, features, recommended_to
ORDER BY reviews DESC, signpost
