"""Interactive HTML network maps of the peergraph graph."""
