"""peergraph's loader: read peer challenge documents and build the graph."""

__version__ = "0.1.0"
