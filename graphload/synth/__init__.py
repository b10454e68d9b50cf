"""A synthetic corpus of peer challenge documents, with the truth of each.

``write_corpus(count, out, seed)`` writes ``out/reports/NNNNNN.txt`` (some
``.html``) and ``out/truth/NNNNNN.json``: the reviewed council, the peers as
written (and the person each is), the signposts and the councils they feature,
the councils that share services. Same seed, same corpus.

    python -m graphload.synth --docs 1000 --out /tmp/corpus --seed 1
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from graphload.gazetteer import Gazetteer
from graphload.synth.population import (
    Population,
    Review,
    load_councils,
    make_population,
    make_reviews,
)
from graphload.synth.wording import CORPORATE_FAMILIES, Block, feedback_report, progress_review
from graphload.synth.writers import as_text, write_document, write_truth

SLIP_RATE = 0.02  # share of team entries whose name is misspelled by one letter
WEB_PAGE_SHARE = 0.15
# With renderers for other formats (PDF, Word), this share of the text documents is
# written through them instead: {".pdf": text_to_pdf, ".docx": text_to_docx}, where a
# renderer writes a document's text to a path (tests/format_builders.py has both).
RENDERED_SHARE = 0.3
Renderer = Callable[[str, Path], None]


def people_for(count: int) -> int:
    """Two people per review: a review has five or six, most serve once or twice."""
    return max(40, 2 * count)


def choose_family(review: Review, rng: random.Random) -> tuple[str, str]:
    """(family name, file extension)."""
    if review.kind.endswith("Progress Review"):
        return "progress", ".txt"
    if review.kind == "Finance Peer Review":
        return "feedback", ".txt"
    family = rng.choice(sorted(CORPORATE_FAMILIES))
    extension = ".html" if family == "feedback" and rng.random() < WEB_PAGE_SHARE * 3 else ".txt"
    return family, extension


def blocks_for(
    family: str, review: Review, rng: random.Random, population: Population
) -> list[Block]:
    if family == "progress":
        return progress_review(review, rng, population.shared_pairs)
    if family == "feedback":
        return feedback_report(review, rng, population.shared_pairs)
    return CORPORATE_FAMILIES[family](review, rng, population.shared_pairs)


def truth_of(review: Review, family: str, population: Population) -> dict[str, Any]:
    shared = [
        sorted([a.code, b.code]) for a, b, _ in population.shared_pairs if review.council in (a, b)
    ]
    for signpost in review.signposts:
        pair = sorted(c.code for c in signpost.councils)
        if pair not in shared:
            shared.append(pair)
    return {
        "family": family,
        "kind": review.kind,
        "council": review.council.code,
        "year": review.year,
        "peers": [
            {
                "written": review.slips.get(p.id, p.name),
                "person": p.name,
                "employer": p.employer.code,
                "councillor": p.councillor,
            }
            for p in review.team
        ],
        "signposts": [
            {"title": s.title, "councils": sorted(c.code for c in s.councils)}
            for s in review.signposts
        ],
        "recommendations": len(review.recommendations),
        "shared": sorted(shared),
    }


def write_corpus(
    count: int,
    out: str | Path,
    seed: int = 0,
    gazetteer: Gazetteer | None = None,
    renderers: Mapping[str, Renderer] | None = None,
) -> list[Path]:
    """Write ``count`` documents under ``out/reports`` and their truth under ``out/truth``.

    ``renderers`` (extension -> function writing a text to a file) put some of the
    text documents into other formats; the rest of the corpus stays the same."""
    formats = random.Random(seed + 1)  # its own draws: the corpus is the same without
    rng = random.Random(seed)
    population = make_population(
        rng, load_councils(gazetteer or Gazetteer.load()), people_for(count)
    )
    reviews = make_reviews(rng, population, count, SLIP_RATE)
    reports, truths = Path(out) / "reports", Path(out) / "truth"
    reports.mkdir(parents=True, exist_ok=True)
    truths.mkdir(parents=True, exist_ok=True)
    written = []
    for review in reviews:
        family, extension = choose_family(review, rng)
        blocks = blocks_for(family, review, rng, population)
        if renderers and extension == ".txt" and formats.random() < RENDERED_SHARE:
            extension = formats.choice(sorted(renderers))
            path = reports / f"{review.id:06d}{extension}"
            renderers[extension](as_text(blocks), path)
        else:
            path = reports / f"{review.id:06d}{extension}"
            write_document(path, blocks)
        write_truth(truths / f"{review.id:06d}.json", truth_of(review, family, population))
        written.append(path)
    return written
