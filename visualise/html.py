"""The self-contained HTML page: our small template with vis-network inlined.

pyvis's own template pulls Bootstrap and tom-select from CDNs even with
``cdn_resources='in_line'`` (pyvis issues #228, #229), so the page is ours: the
vis-network JS and CSS that pyvis ships in its package, our script and styles,
and the map's data as JSON. A Content-Security-Policy allows only those two
scripts (by hash) and no network access at all, so nothing loads from elsewhere
and injected markup could not run even if some reached the page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib import metadata, resources
from pathlib import Path

VIS_VERSION = "9.1.2"

# the characters that could end or confuse a <script> element, or a JS string
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


def script_json(value: object) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``,
    ``>`` or ``&`` (so no ``</script>`` or ``<!--``), no U+2028/2029."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def _pyvis_lib() -> Path:
    return Path(str(resources.files("pyvis"))) / "lib" / f"vis-{VIS_VERSION}"


@cache
def _asset(name: str) -> str:
    return (resources.files("visualise") / "assets" / name).read_text(encoding="utf-8")


@cache
def _vis(name: str) -> str:
    text = (_pyvis_lib() / name).read_text(encoding="utf-8")
    if re.search(r"</(script|style)", text, re.IGNORECASE):
        raise RuntimeError(f"{name} cannot be inlined: it contains a closing tag")
    # a source map would be fetched by developer tools: there is none to fetch
    return re.sub(r"^\s*//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _pyvis_version() -> str:
    try:
        return metadata.version("pyvis")
    except metadata.PackageNotFoundError:  # pragma: no cover - pyvis is a dependency
        return "unknown"


def page(title: str, data: dict, blocks: list[dict] | None = None) -> str:
    """The whole HTML document for one map; ``blocks`` are a grouped map's members,
    one JSON block per group (``#pg-group-N``), parsed only when a group opens."""
    vis_js = _vis("vis-network.min.js")
    app_js = _asset("names.js") + "\n" + _asset("map.js")  # one script: one hash
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_hash(vis_js)} {_hash(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )
    values = {
        "CSP": html.escape(csp, quote=False),  # our constant: no double quotes
        "PYVIS_VERSION": html.escape(_pyvis_version()),
        "VIS_VERSION": VIS_VERSION,
        "TITLE": html.escape(title),
        "VIS_CSS": _vis("vis-network.css"),
        "APP_CSS": _asset("map.css"),
        "DATA": script_json(data),
        "GROUPS": "".join(
            f'<script type="application/json" id="pg-group-{i}">{script_json(block)}</script>\n'
            for i, block in enumerate(blocks or [])
        ),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # one pass, so text inside a value is never taken for a placeholder
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("map.html"))
