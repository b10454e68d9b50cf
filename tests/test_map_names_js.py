"""The map's Find box (visualise/assets/names.js) follows the reports' name rule
(queries/names.py): the same queries pick the same nodes. Run in node, which ships
with Chromium's toolchain on Debian; skipped where node is missing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from queries.names import GENERIC_WORDS, Candidate, Matcher
from visualise.render import name_rule

NAMES_JS = Path(__file__).resolve().parents[1] / "visualise" / "assets" / "names.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

CANDIDATES = [
    Candidate("BUR", "Bury Metropolitan Borough Council", "Council", ("Bury", "Bury 2013")),
    Candidate("BRM", "Bromsgrove District Council", "Council", ("Bromsgrove", "BDC")),
    Candidate("RED", "Redditch Borough Council", "Council", ("Redditch",)),
    Candidate("NYK", "North Yorkshire County Council", "Council", ("North Yorkshire",)),
    Candidate("NYE", "North Yorkshire Council", "Council", ("North Yorkshire",)),
    Candidate("STE", "St. Edmundsbury & Forest Heath", "Council", ()),
    Candidate("peer:dai-larner", "Dai Larner", "Peer", ("Dai Lerner", "Cllr Dai Larner")),
    Candidate("peer:sioban", "Siobhán Murphy", "Peer", ()),
    Candidate("peer:jo-smith", "Jo Smith", "Peer", ()),
    Candidate("peer:jo-smyth", "Jo Smyth", "Peer", ()),
    Candidate("KIN", "King's Lynn and West Norfolk", "Council", ("King's Lynn",)),
]
QUERIES = [
    "bur",
    "BUR",
    "Bury",
    "Bury 2013",
    "bury council",
    "bromsgove",
    "Bromsgrove DC",
    "BDC",
    "brom",
    "north yorkshire",
    "north yorks",
    "Dai Lerner",
    "dai larnor",
    "Cllr Dai Larner OBE",
    "Dr. Jo Smith PhD",
    "jo smtih",
    "kings lynn",
    "King’s Lynn",
    "siobhan murphy",
    "st edmundsbury and forest heath",
    "jo smith",
    "jo smth",
    "redditch borough",
    "nothing like it",
    "   ",
    "council",
]


def js_matches(candidates: list[Candidate], queries: list[str]) -> list[list[str]]:
    harness = (
        "const names = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const prepared = names.prepare(input.candidates, input.rule);"
        "console.log(JSON.stringify(input.queries.map("
        "q => names.matches(prepared, q).map(c => c.id))));"
    )
    payload = {
        "candidates": [
            {"id": c.id, "kind": c.label, "spellings": list(c.spellings)} for c in candidates
        ],
        "queries": queries,
        "rule": name_rule(),
    }
    done = subprocess.run(
        [str(NODE), "-e", harness, str(NAMES_JS)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(done.stdout)


def test_the_page_matches_names_as_the_reports_do() -> None:
    matcher = Matcher(CANDIDATES)
    expected = [[c.id for c in matcher.matches(q)] for q in QUERIES]
    assert js_matches(CANDIDATES, QUERIES) == expected
    # the cases the issue names: the map's own label, an alias, a slip, every match
    assert expected[QUERIES.index("Bury 2013")] == ["BUR"]
    assert expected[QUERIES.index("Dai Lerner")] == ["peer:dai-larner"]
    assert expected[QUERIES.index("bromsgove")] == ["BRM"]
    assert expected[QUERIES.index("Cllr Dai Larner OBE")] == ["peer:dai-larner"]
    assert expected[QUERIES.index("north yorkshire")] == ["NYK", "NYE"]


def test_the_page_drops_the_same_generic_words() -> None:
    text = NAMES_JS.read_text(encoding="utf-8")
    listed = text[text.index("GENERIC_WORDS = {};") : text.index("forEach(function (w)")]
    assert set(json.loads("[" + listed.split("[", 1)[1].rsplit("]", 1)[0] + "]")) == set(
        GENERIC_WORDS
    )
