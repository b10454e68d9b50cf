"""Interactive HTML network maps of the peergraph graph."""

from visualise.render import MapResult, render_map

__all__ = ["MapResult", "render_map"]
