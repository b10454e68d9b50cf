// Helper (not a report): the people a typed name can match exactly, for the fast path of
// queries/names.py: the peer whose id is $id, and every peer with $key (the typed name
// folded) among its name_keys. Any other match needs the forgiving scan of every person.
MATCH (n:Peer)
WHERE n.id = $id OR $key IN n.name_keys
RETURN n.id AS id,
       n.name AS name,
       n.short_name AS short_name,
       n.aliases AS aliases,
       labels(n) AS labels
ORDER BY id
