"""Interactive HTML network maps of the peergraph graph.

``render_map`` is loaded on first use, so that importing ``visualise.cli``
(as ``peergraph --help`` does) does not import pyvis and networkx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from visualise.render import MapResult, render_map

__all__ = ["MapResult", "render_map"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from visualise import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
