// name: repeat-reviews
// description: Councils reviewed more than once, with the themes that recur between their
//   reviews and the recommendations made about them.
// columns: council, years, theme, theme_years, recommendations
// python: none
// The themes are found from the Theme nodes (few) towards the reviews, once for every
// council, not from every review's recommendations towards their themes; a council's
// recommendations about a theme are read only for its recurring themes.
OPTIONAL MATCH (t:Theme)<-[:COVERS|MADE|ABOUT*1..2]-(r:Review)-[:OF]->(c:Council)
WITH c, t, r ORDER BY r.year
WITH c, t, collect(DISTINCT r.id) AS with_theme, collect(DISTINCT r.year) AS theme_years
WHERE size(with_theme) > 1
WITH collect({council: c.id, theme: t, years: theme_years}) AS recurring_all
MATCH (c:Council)<-[:OF]-(r:Review)
WITH recurring_all, c, count(DISTINCT r) AS n
WHERE n > 1
MATCH (c)<-[:OF]-(r:Review)
WITH recurring_all, c, r ORDER BY r.year, r.id
WITH recurring_all, c, collect(r.year) AS years
WITH c, years, [x IN recurring_all WHERE x.council = c.id] AS recurring
UNWIND CASE WHEN size(recurring) = 0 THEN [null] ELSE recurring END AS rt
WITH c, years, rt.theme AS t, rt.years AS theme_years
OPTIONAL MATCH (t)<-[:ABOUT]-(rec:Recommendation)<-[:MADE]-(rv:Review)-[:OF]->(c)
WHERE t IS NOT NULL
WITH c, years, t, theme_years, rv, rec ORDER BY rv.year, rec.ordinal
RETURN coalesce(c.short_name, c.name) AS council,
       years,
       t.name AS theme,
       theme_years,
       collect(toString(rv.year) + ': ' + rec.text) AS recommendations
ORDER BY council, theme
