// name: signposts
// description: Examples of good practice the peer teams recommended: by how many reviews,
//   which councils they feature and who they were recommended to.
// columns: signpost, reviews, features, recommended_to
// python: none
// The councils featured are read after the reviews are counted, so their list is not
// carried through every (signpost, review) row.
MATCH (s:Signpost)
OPTIONAL MATCH (r:Review)-[:RECOMMENDS]->(s)
OPTIONAL MATCH (r)-[:OF]->(to:Council)
WITH s, r, to ORDER BY to.id
WITH s, r, collect(coalesce(to.short_name, to.name)) AS names
WITH s, r,
     reduce(t = '', x IN names | t + CASE WHEN t = '' THEN '' ELSE ' & ' END + x)
       + ' ' + toString(r.year) AS label
ORDER BY r.year, label
WITH s, count(r) AS reviews, collect(label) AS recommended_to
OPTIONAL MATCH (s)-[:FEATURES]->(f:Council)
WITH s, reviews, recommended_to, f ORDER BY f.id
WITH s, reviews, recommended_to, collect(coalesce(f.short_name, f.name)) AS features
RETURN s.title AS signpost, reviews, features, recommended_to
ORDER BY reviews DESC, signpost
