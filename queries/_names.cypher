// Helper (not a report): every nameable node, for forgiving name matching in queries/names.py.
MATCH (n)
WHERE n:Council OR n:Peer OR n:Organisation
RETURN n.id AS id,
       n.name AS name,
       n.short_name AS short_name,
       n.aliases AS aliases,
       labels(n) AS labels
ORDER BY id
