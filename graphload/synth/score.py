"""How well the reader finds what a synthetic corpus says: F1 against the truth files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from graphload.records import ExtractRecord
from graphload.vocab.text import fold


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)  # a few examples, for the reader's author

    def add(self, document: str, found: set[str], expected: set[str]) -> None:
        self.found += len(found)
        self.expected += len(expected)
        self.correct += len(found & expected)
        for item in sorted(found ^ expected)[:3]:
            if len(self.misses) < 10:
                side = "missed" if item in expected else "extra"
                self.misses.append(f"{document}: {side} {item}")

    @property
    def f1(self) -> float:
        if not self.found and not self.expected:
            return 1.0
        precision = self.correct / self.found if self.found else 0.0
        recall = self.correct / self.expected if self.expected else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def truth_path(document: Path) -> Path:
    return document.parent.parent / "truth" / f"{document.stem}.json"


def score(records: list[ExtractRecord]) -> dict[str, Tally]:
    """Peers (names as written), reviewed councils, and signposts with the councils they
    feature, per document, summed over ``records`` of a synthetic corpus."""
    tallies = {"peers": Tally(), "councils": Tally(), "signposts": Tally()}
    for record in records:
        truth = json.loads(truth_path(Path(record.document.path)).read_text(encoding="utf-8"))
        name = Path(record.document.path).name
        tallies["peers"].add(
            name, {fold(p.name) for p in record.peers}, {fold(p["written"]) for p in truth["peers"]}
        )
        tallies["councils"].add(name, {c.id for c in record.review.councils}, {truth["council"]})
        tallies["signposts"].add(
            name,
            {
                f"{s.title} -> {'+'.join(sorted(c.id for c in s.councils))}"
                for s in record.signposts
            },
            {f"{s['title']} -> {'+'.join(s['councils'])}" for s in truth["signposts"]},
        )
    return tallies
