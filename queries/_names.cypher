// Helper (not a report): the nameable nodes of the kinds asked for ($councils, $peers,
// $organisations: booleans), for forgiving name matching in queries/names.py. One label
// per part, so a council name does not read every person.
CALL {
  MATCH (n:Council) WHERE $councils RETURN n
  UNION ALL
  MATCH (n:Peer) WHERE $peers RETURN n
  UNION ALL
  MATCH (n:Organisation) WHERE $organisations RETURN n
}
RETURN n.id AS id,
       n.name AS name,
       n.short_name AS short_name,
       n.aliases AS aliases,
       labels(n) AS labels
ORDER BY id
