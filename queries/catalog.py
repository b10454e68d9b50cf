"""The catalogue of canned reports: one ``.cypher`` file each, described by its header.

A header is the leading ``//`` comment block of the file::

    // name: repeat-peers
    // description: People who served on N or more reviews.
    // param: min int = 2 -- fewest reviews served on
    // columns: peer, reviews, years, councils reviewed
    // example: --min 1
    // python: none
    // limit: 50

``param`` lines are ``NAME TYPE [= DEFAULT] [-- HELP]``. TYPE is ``int``,
``float``, ``str``, ``bool`` or a kind of thing named in the graph (``council``,
``peer``, ``entity``), which is matched forgivingly and passed to the query as
its ``id``. A parameter without a default is required (a positional argument on
the command line); one with a default is an option (``--min 3``). ``python``
says which step, if any, is done in Python rather than Cypher, and why.
``limit`` is the report's default row limit (``--limit`` overrides it; 0, or no
``limit`` line, shows every row). A query that uses ``$limit`` applies it in the
server and returns the number of rows before the limit in a ``total`` column (not a
declared column); otherwise the rows are cut in Python.
Files whose name starts with ``_`` are helper queries, not reports.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from graphload.errors import PeergraphError
from queries.names import suggest_words

SCALAR_TYPES = {"int": int, "float": float, "str": str, "bool": bool}
NAME_KINDS = ("council", "peer", "entity")

_HEADER_LINE = re.compile(r"^//\s*(?P<key>[a-z_]+)\s*:\s*(?P<value>.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>[a-z]+)"
    r"(?:\s*=\s*(?P<default>[^\s]+))?(?:\s+--\s*(?P<help>.*))?$"
)


class CatalogError(ValueError):
    """A ``.cypher`` file whose header does not follow the format above."""


class UnknownReport(PeergraphError, LookupError):
    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no report called {name!r}.{hint} ('peergraph reports' lists them.)")


@dataclass(frozen=True)
class ParamSpec:
    name: str
    type: str
    default: Any = None
    required: bool = True
    help: str = ""

    @property
    def is_name(self) -> bool:
        """Matched forgivingly against the graph's names, passed on as an id."""
        return self.type in NAME_KINDS

    def coerce(self, value: Any) -> Any:
        if self.type in NAME_KINDS or value is None:
            return value
        if self.type == "bool" and isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "y", "on")
        try:
            return SCALAR_TYPES[self.type](value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{self.name} must be {self.type}, not {value!r}") from exc


@dataclass(frozen=True)
class ReportSpec:
    name: str
    description: str
    cypher: str
    params: tuple[ParamSpec, ...] = ()
    columns: tuple[str, ...] = ()
    example: str = ""
    python: str = "none"
    source: str = ""
    default_limit: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def usage(self) -> str:
        parts = [self.name]
        for p in self.params:
            if p.required:
                parts.append(p.name.upper())
            else:
                parts.append(f"[--{p.name.replace('_', '-')} {p.type.upper()}]")
        return " ".join(parts)

    def example_params(self) -> dict[str, Any]:
        """The header's ``example`` as keyword arguments for ``run_report``."""
        words = shlex.split(self.example)
        params: dict[str, Any] = {}
        positional: list[str] = []
        while words:
            word = words.pop(0)
            if word.startswith("--"):
                params[word[2:].replace("-", "_")] = words.pop(0) if words else None
            else:
                positional.append(word)
        required = [p.name for p in self.params if p.required]
        if len(required) == 1 and positional:
            positional = [" ".join(positional)]
        params.update(zip(required, positional, strict=False))
        return params

    @property
    def limits_in_query(self) -> bool:
        """The query takes ``$limit`` (0: every row) and returns ``total``."""
        return "$limit" in self.cypher

    @property
    def needs_python(self) -> bool:
        return self.python.strip().lower() not in ("", "none", "no")


def parse_header(text: str) -> dict[str, list[str]]:
    """The ``key: value`` lines of the leading comment block (keys may repeat)."""
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        m = _HEADER_LINE.match(stripped)
        if m:
            header.setdefault(m["key"], []).append(m["value"])
        elif header:
            # a continuation line: append to the last key's last value
            key = list(header)[-1]
            header[key][-1] = f"{header[key][-1]} {stripped.lstrip('/').strip()}".strip()
    return header


def parse_param(text: str, source: str = "") -> ParamSpec:
    m = _PARAM.match(text.strip())
    if not m:
        raise CatalogError(f"{source}: bad param line {text!r}")
    kind = m["type"]
    if kind not in SCALAR_TYPES and kind not in NAME_KINDS:
        raise CatalogError(f"{source}: unknown param type {kind!r}")
    spec = ParamSpec(m["name"], kind, None, m["default"] is None, (m["help"] or "").strip())
    if m["default"] is not None:
        spec = ParamSpec(spec.name, kind, spec.coerce(m["default"]), False, spec.help)
    return spec


def parse_report(text: str, source: str = "") -> ReportSpec:
    header = parse_header(text)
    for key in ("name", "description", "columns"):
        if key not in header:
            raise CatalogError(f"{source}: header has no {key!r} line")
    known = {"name", "description", "param", "columns", "example", "python", "limit"}
    limit = header.get("limit", ["0"])[0]
    if not limit.isdigit():
        raise CatalogError(f"{source}: limit must be a whole number, not {limit!r}")
    return ReportSpec(
        name=header["name"][0],
        description=header["description"][0],
        cypher=text,
        params=tuple(parse_param(p, source) for p in header.get("param", [])),
        columns=tuple(c.strip() for c in header["columns"][0].split(",") if c.strip()),
        example=header.get("example", [""])[0],
        python=header.get("python", ["none"])[0],
        source=source,
        default_limit=int(limit),
        extra={k: v[0] for k, v in header.items() if k not in known},
    )


def query_text(filename: str) -> str:
    """The text of a ``.cypher`` file shipped in this package."""
    return resources.files("queries").joinpath(filename).read_text(encoding="utf-8")


@cache
def _reports() -> dict[str, ReportSpec]:
    found: dict[str, ReportSpec] = {}
    for entry in sorted(resources.files("queries").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".cypher") or entry.name.startswith("_"):
            continue
        spec = parse_report(entry.read_text(encoding="utf-8"), entry.name)
        if spec.name in found:
            raise CatalogError(f"two reports called {spec.name!r}")
        found[spec.name] = spec
    return found


def list_reports() -> list[ReportSpec]:
    """Every canned report, in a stable order (the order of the files' names)."""
    return list(_reports().values())


def get_report(name: str) -> ReportSpec:
    """The report called ``name``, matched forgivingly ('Repeat peers', 'repeat_peers')."""
    reports = _reports()
    key = re.sub(r"[\s_]+", "-", name.strip().lower())
    if key in reports:
        return reports[key]
    starts = [r for r in reports if r.startswith(key)] if key else []
    if len(starts) == 1:
        return reports[starts[0]]
    raise UnknownReport(name, starts or suggest_words(name, reports))
