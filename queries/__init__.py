"""Canned reports over the peergraph graph, as Cypher files."""
