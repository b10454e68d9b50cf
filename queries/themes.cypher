// name: themes
// description: Themes of the reviews and their advice, by review and by year.
// columns: theme, reviews, years, recommendations, reviewed
// python: none
MATCH (r:Review)-[:COVERS|MADE|ABOUT*1..2]->(t:Theme)
WITH DISTINCT t, r
OPTIONAL MATCH (r)-[:OF]->(c:Council)
WITH t, r, c ORDER BY c.id
WITH t, r, collect(coalesce(c.short_name, c.name)) AS names
WITH t, r,
     reduce(x = '', n IN names | x + CASE WHEN x = '' THEN '' ELSE ' & ' END + n)
       + ' ' + toString(r.year) AS label
ORDER BY r.year, label
WITH t, collect(label) AS reviewed, collect(DISTINCT r.year) AS years
OPTIONAL MATCH (t)<-[:ABOUT]-(rec:Recommendation)
RETURN t.name AS theme,
       size(reviewed) AS reviews,
       years,
       count(rec) AS recommendations,
       reviewed
ORDER BY reviews DESC, theme
