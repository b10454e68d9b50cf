"""Resolve the ways reports name councils to mySociety's register of UK councils.

The register (graphload/data/gazetteer/, MIT licence, (c) mySociety; shipped in
the package, or the folder $PEERGRAPH_GAZETTEER names) lists current and past
councils with a three-letter code, official and alternative names, start and end
dates and successors. Reports write "Bromsgrove DC", "MIDSUFFOLK", "City of
Stoke-on-Trent Council" or "North Yorkshire CC"; :meth:`Gazetteer.resolve` turns
each into one register entry, using the council type a suffix implies and the
year of the document to choose between councils that shared a name.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graphload.errors import PeergraphError
from graphload.vocab.text import fold

GAZETTEER_ENV = "PEERGRAPH_GAZETTEER"
GAZETTEER_DIR = Path(__file__).resolve().parent / "data" / "gazetteer"  # package data
REGISTER_FILE = "uk_local_authorities_current.csv"


def gazetteer_dir() -> Path:
    """The register's folder: ``$PEERGRAPH_GAZETTEER``, else the copy in the package."""
    return Path(os.environ.get(GAZETTEER_ENV) or GAZETTEER_DIR)


# Shortenings of county names common in reports ("South Northants").
COUNTY_SHORTHANDS = {
    "northants": "northamptonshire",
    "glos": "gloucestershire",
    "lincs": "lincolnshire",
    "notts": "nottinghamshire",
    "herts": "hertfordshire",
    "beds": "bedfordshire",
    "bucks": "buckinghamshire",
    "cambs": "cambridgeshire",
    "leics": "leicestershire",
    "oxon": "oxfordshire",
    "wilts": "wiltshire",
    "worcs": "worcestershire",
    "warks": "warwickshire",
    "staffs": "staffordshire",
    "hants": "hampshire",
    "berks": "berkshire",
    "derbys": "derbyshire",
    "lancs": "lancashire",
}

# Suffixes and prefixes that say what kind of council a name is, mapped to the
# register's type names they allow. Longest first so "mbc" wins over "bc".
_TYPE_WORDS: list[tuple[str, frozenset[str]]] = [
    ("metropolitan borough council", frozenset({"Metropolitan district"})),
    ("metropolitan district council", frozenset({"Metropolitan district"})),
    ("county borough council", frozenset({"Welsh unitary authority"})),
    ("district council", frozenset({"Non-metropolitan district", "Metropolitan district"})),
    (
        "borough council",
        frozenset(
            {
                "Non-metropolitan district",
                "Metropolitan district",
                "London borough",
                "Unitary authority",
            }
        ),
    ),
    ("county council", frozenset({"County"})),
    (
        "city council",
        frozenset({"Non-metropolitan district", "Metropolitan district", "Unitary authority"}),
    ),
    ("mbc", frozenset({"Metropolitan district"})),
    ("dc", frozenset({"Non-metropolitan district", "Metropolitan district"})),
    (
        "bc",
        frozenset(
            {
                "Non-metropolitan district",
                "Metropolitan district",
                "London borough",
                "Unitary authority",
            }
        ),
    ),
    ("cc", frozenset({"County", "Non-metropolitan district", "Unitary authority"})),
    ("ua", frozenset({"Unitary authority"})),
    ("councils", frozenset()),
    ("council", frozenset()),
]
_PREFIXES = ("london borough of ", "royal borough of ", "city of ", "the ")
_TRAILING_NOISE = ("district", "borough", "city", "county", "metropolitan")


_RIVER_SUFFIX = " upon thames"


def normalise(text: str) -> str:
    """The comparison key of a council's name (:func:`graphload.vocab.text.fold`)."""
    return fold(text)


def _strip_type_words(name: str) -> tuple[str, frozenset[str] | None]:
    """Split a normalised name into its place core and the council types it implies."""
    allowed: frozenset[str] | None = None
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :]
            if prefix.startswith("london borough"):
                allowed = frozenset({"London borough"})
    for suffix, types in _TYPE_WORDS:
        if name == suffix:
            return "", None
        if name.endswith(" " + suffix):
            name = name[: -len(suffix) - 1]
            if types and allowed is None:
                allowed = types
            break
    words = name.split()
    while words and words[-1] in _TRAILING_NOISE:
        words.pop()
    words = [COUNTY_SHORTHANDS.get(word, word) for word in words]
    return " ".join(words), allowed


@dataclass(frozen=True)
class CouncilEntry:
    code: str
    name: str
    short_name: str
    register_type: str
    kind: str
    nation: str
    start_date: str | None = None
    end_date: str | None = None
    replaced_by: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def active_in(self, year: int) -> bool:
        """Whether the council existed at some point in ``year``."""
        if self.end_date and int(self.end_date[:4]) < year:
            return False
        return not (self.start_date and int(self.start_date[:4]) > year)


def _kind(register_type: str, name: str) -> str:
    lowered = name.lower()
    if register_type == "Non-metropolitan district":
        if "city" in lowered:
            return "city"
        return "borough" if "borough" in lowered else "district"
    if register_type == "Metropolitan district":
        return "metropolitan borough" if "borough" in lowered else "metropolitan district"
    if register_type == "County":
        return "county"
    if register_type == "London borough":
        return "London borough"
    if "unitary" in register_type.lower():
        return "unitary"
    return register_type.lower()


class Gazetteer:
    """The register, indexed by every name form a report might use."""

    def __init__(self, entries: list[CouncilEntry], extra_names: dict[str, set[str]]):
        self.entries = {entry.code: entry for entry in entries}
        self._by_name: dict[str, set[str]] = {}
        self._by_core: dict[str, set[str]] = {}
        for entry in entries:
            for name in (entry.name, entry.short_name, *entry.aliases):
                self._index(name, entry.code)
        for name, codes in extra_names.items():
            for code in codes:
                if code in self.entries:
                    self._index(name, code)

    def _index(self, name: str, code: str) -> None:
        norm = normalise(name)
        if not norm:
            return
        self._by_name.setdefault(norm, set()).add(code)
        core, _ = _strip_type_words(norm)
        if core:
            self._by_core.setdefault(core, set()).add(code)
            self._by_core.setdefault(core.replace(" ", ""), set()).add(code)
            # "London Borough of Richmond", "Kingston Council": the river is often left off.
            if core.endswith(_RIVER_SUFFIX):
                self._by_core.setdefault(core[: -len(_RIVER_SUFFIX)], set()).add(code)

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        """The register in ``directory``, else in ``gazetteer_dir()``."""
        directory = Path(directory) if directory else gazetteer_dir()
        if not (directory / REGISTER_FILE).is_file():
            raise PeergraphError(
                f"the register of councils is not in {directory} (no {REGISTER_FILE}); "
                f"unset {GAZETTEER_ENV} to use the copy shipped with peergraph"
            )
        return cls._load(directory)

    @classmethod
    @lru_cache(maxsize=4)
    def _load(cls, directory: Path) -> Gazetteer:
        entries = []
        with open(directory / REGISTER_FILE, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                aliases = tuple(a.strip() for a in row["alt-names"].split(",") if a.strip())
                entries.append(
                    CouncilEntry(
                        code=row["local-authority-code"],
                        name=row["official-name"],
                        short_name=row["nice-name"],
                        register_type=row["local-authority-type-name"],
                        kind=_kind(row["local-authority-type-name"], row["official-name"]),
                        nation=row["nation"],
                        start_date=row["start-date"] or None,
                        end_date=row["end-date"] or None,
                        replaced_by=tuple(c for c in row["replaced-by"].split(",") if c),
                        aliases=aliases,
                    )
                )
        extra: dict[str, set[str]] = {}
        with open(directory / "lookup_name_to_registry.csv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                extra.setdefault(row["la-name"], set()).add(row["local-authority-code"])
        return cls(entries, extra)

    def get(self, code: str) -> CouncilEntry | None:
        return self.entries.get(code)

    def resolve(self, text: str, year: int | None = None) -> CouncilEntry | None:
        """The one council ``text`` names (as of ``year``), or None if unknown or ambiguous."""
        norm = normalise(text)
        if not norm:
            return None
        core, allowed = _strip_type_words(norm)
        candidates = set(self._by_name.get(norm, ()))
        exists_then = year is None or any(self.entries[c].active_in(year) for c in candidates)
        if core and (not candidates or not exists_then):
            # "Dorset" in 2012 means the county council, not the 2019 unitary.
            candidates |= self._by_core.get(core, set()) or self._by_core.get(
                core.replace(" ", ""), set()
            )
        return self._choose(candidates, allowed, year)

    def _choose(
        self, codes: set[str], allowed: frozenset[str] | None, year: int | None
    ) -> CouncilEntry | None:
        entries = [self.entries[c] for c in codes]
        # Councils, not combined authorities or other bodies the register also lists.
        entries = [e for e in entries if e.register_type != "Combined authority"] or entries
        if allowed:
            entries = [e for e in entries if e.register_type in allowed] or entries
        if len(entries) > 1:
            english = [e for e in entries if e.nation == "England"]
            entries = english or entries
        if len(entries) > 1:
            when = year if year is not None else 9999
            active = [e for e in entries if e.active_in(when)]
            entries = active or entries
        if len(entries) > 1 and year is None:
            current = [e for e in entries if not e.end_date]
            entries = current or entries
        return entries[0] if len(entries) == 1 else None

    def successors(self, code: str) -> list[CouncilEntry]:
        entry = self.entries.get(code)
        if entry is None:
            return []
        return [self.entries[c] for c in entry.replaced_by if c in self.entries]
