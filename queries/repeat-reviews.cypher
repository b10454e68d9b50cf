// name: repeat-reviews
// description: Councils reviewed more than once, with the themes that recur between their
//   reviews and the recommendations made about them.
// columns: council, years, theme, theme_years, recommendations
// python: none
MATCH (c:Council)<-[:OF]-(r:Review)
WITH c, count(DISTINCT r) AS n
WHERE n > 1
MATCH (c)<-[:OF]-(r:Review)
WITH c, r ORDER BY r.year, r.id
WITH c, collect(r.year) AS years
OPTIONAL MATCH (c)<-[:OF]-(r:Review)-[:COVERS|MADE|ABOUT*1..2]->(t:Theme)
WITH c, years, t, r ORDER BY r.year
WITH c, years, t, collect(DISTINCT r.id) AS with_theme, collect(DISTINCT r.year) AS theme_years
WITH c, years,
     collect(CASE WHEN size(with_theme) > 1 THEN {theme: t, years: theme_years} END) AS recurring
UNWIND CASE WHEN size(recurring) = 0 THEN [null] ELSE recurring END AS rt
WITH c, years, rt.theme AS t, rt.years AS theme_years
OPTIONAL MATCH (c)<-[:OF]-(rv:Review)-[:MADE]->(rec:Recommendation)-[:ABOUT]->(t)
WITH c, years, t, theme_years, rv, rec ORDER BY rv.year, rec.ordinal
RETURN coalesce(c.short_name, c.name) AS council,
       years,
       t.name AS theme,
       theme_years,
       collect(toString(rv.year) + ': ' + rec.text) AS recommendations
ORDER BY council, theme
