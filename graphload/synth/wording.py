"""Families of wording: each turns a review into a document's blocks.

A block is ``("title", text)``, ``("heading", text)``, ``("paragraph", text)`` or
``("list", [items])``; the writers render blocks as text or HTML. The families
follow the published documents' structure (see docs/reading.md): a letter, a
feedback report with signposts and an annex, a committee paper, a progress review
and a finance review. The prose is invented and says nothing about real councils.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from graphload.synth.population import Council, Person, Review

Block = tuple[str, str | list[str]]
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def visit_dates(review: Review, rng: random.Random) -> str:
    first, last = review.first_day, review.first_day + 3
    month, year = MONTHS[review.month - 1], review.year
    return rng.choice(
        (
            f"{ordinal(first)} to {ordinal(last)} {month} {year}",
            f"{ordinal(first)}-{ordinal(last)} {month} {year}",
            f"{first} to {last} {month} {year}",
        )
    )


def peer_name(review: Review, person: Person) -> str:
    return review.slips.get(person.id, person.name)


def team_entry(review: Review, person: Person) -> str:
    name = peer_name(review, person)
    if person.councillor:
        return f"Cllr {name} ({person.party}) – {person.role}, {person.employer.name}"
    if person.shared_with is not None:
        return f"{name} – {person.role}, {person.employer.name} and {person.shared_with.name}"
    return f"{name} – {person.role}, {person.employer.name}"


def shared_sentence(review: Review, pairs: list[tuple[Council, Council, str]]) -> list[Block]:
    for a, b, what in pairs:
        if review.council in (a, b):
            return [("paragraph", f"{a.name} and {b.name} share {what}, agreed in 2010.")]
    return []


def signpost_blocks(review: Review) -> list[Block]:
    blocks: list[Block] = []
    for signpost in review.signposts:
        a, b = signpost.councils
        blocks += [
            ("heading", f"Signpost – {signpost.title}"),
            (
                "paragraph",
                f"{a.name} and {b.name} have shared {signpost.what} for several years and "
                "have written openly about what it took.",
            ),
        ]
    return blocks


FINDINGS = (
    "The council is well regarded by its partners and residents.",
    "Staff told the peer team that they are proud to work for the organisation.",
    "The financial position is sound for the next two years.",
    "The gap after that has yet to be closed and the plans to close it are not yet agreed.",
    "Members and officers work well together and respect each other's roles.",
    "The corporate plan is clear, but few people could say how progress is measured.",
    "Scrutiny is thorough, although it rarely looks ahead at decisions still to be taken.",
    "The peer team saw real energy in the work on town centres and on housing.",
    "Digital services have improved, and residents use them more each year.",
    "The workforce is stable, but several senior posts will fall vacant soon.",
    "Partners in health and the police spoke warmly about joint work on prevention.",
    "The capital programme is ambitious and will need careful oversight.",
    "Decisions are taken openly and the constitution was refreshed last year.",
    "Engagement with residents is good in some areas and patchy in others.",
)


def _body(review: Review, rng: random.Random) -> list[Block]:
    paragraphs: list[Block] = [("heading", "Feedback")]
    for _ in range(rng.randint(8, 24)):
        paragraphs.append(("paragraph", " ".join(rng.sample(FINDINGS, rng.randint(3, 6)))))
    paragraphs.insert(
        2,
        (
            "paragraph",
            f"{review.council.short_name} has a clear sense of what it wants to achieve.",
        ),
    )
    return paragraphs


def _themes(review: Review) -> list[Block]:
    return [
        (
            "paragraph",
            "The peer team considered the following core components looked at by all "
            "Corporate Peer Challenges:",
        ),
        ("list", list(review.themes)),
    ]


def _team(review: Review, intro: str) -> list[Block]:
    return [("paragraph", intro), ("list", [team_entry(review, p) for p in review.team])]


def letter(review: Review, rng: random.Random, pairs: list) -> list[Block]:
    council = review.council
    written = f"{rng.randint(1, 28)} {MONTHS[review.month % 12]} {review.year}"
    return [
        ("paragraph", f"The Chief Executive\n{council.name}"),
        ("paragraph", written),
        ("paragraph", "Dear Chief Executive"),
        ("title", f"{council.name} – {review.kind}"),
        (
            "paragraph",
            "On behalf of the peer team, I would like to say what a pleasure it was to be "
            f"invited into {council.name} to deliver the recent peer challenge.",
        ),
        *_team(review, f"The peers who delivered the peer challenge at {council.short_name} were:"),
        *_themes(review),
        (
            "paragraph",
            "This letter builds on the feedback presentation provided by the peer team at "
            f"the end of their on-site visit ({visit_dates(review, rng)}).",
        ),
        *shared_sentence(review, pairs),
        *_body(review, rng),
        *signpost_blocks(review),
        ("heading", "Key recommendations"),
        ("list", list(review.recommendations)),
        ("paragraph", "Yours sincerely"),
        ("paragraph", "Principal Adviser\nLocal Government Association"),
    ]


def feedback_report(review: Review, rng: random.Random, pairs: list) -> list[Block]:
    council = review.council
    key, further = review.recommendations[:3], review.recommendations[3:]
    return [
        ("title", review.kind),
        ("title", council.name),
        ("title", visit_dates(review, rng)),
        ("title", "Feedback Report"),
        ("heading", "1. Executive summary"),
        (
            "paragraph",
            f"{council.name} provides good services to its communities and is open to new ideas.",
        ),
        *shared_sentence(review, pairs),
        ("heading", "2. Key recommendations"),
        ("paragraph", "The following are the peer team's key recommendations to the council:"),
        ("list", key),
        ("heading", "3. Summary of the peer challenge approach"),
        *_team(review, "The peers who delivered the peer challenge were:"),
        *_themes(review),
        ("heading", "4. Feedback"),
        *_body(review, rng)[1:],
        *signpost_blocks(review),
        ("heading", "Annex A"),
        ("heading", "Further recommendations"),
        ("list", further),
    ]


def committee_paper(review: Review, rng: random.Random, pairs: list) -> list[Block]:
    council = review.council
    meeting = f"{rng.randint(1, 28)} {MONTHS[review.month % 12]} {review.year}"
    return [
        ("title", council.name),
        ("title", "Report to Cabinet"),
        ("paragraph", f"Date of meeting: {meeting}"),
        ("title", f"Subject: {review.kind} of {council.name}: feedback"),
        ("heading", "Recommendations"),
        ("paragraph", "That the report of the peer team is noted and published."),
        ("heading", "Background"),
        (
            "paragraph",
            f"The council invited a {review.kind} team to visit during {visit_dates(review, rng)}.",
        ),
        *_team(review, "The peers were:"),
        *shared_sentence(review, pairs),
        *_body(review, rng),
        *signpost_blocks(review),
        ("heading", "Key recommendations"),
        ("list", list(review.recommendations)),
    ]


def progress_review(review: Review, rng: random.Random, pairs: list) -> list[Block]:
    council = review.council
    return [
        ("title", review.kind),
        ("title", council.name),
        ("title", visit_dates(review, rng)),
        (
            "paragraph",
            f"{council.name} invited the peer team back to look at its progress since the "
            "corporate peer challenge.",
        ),
        *_team(review, "The peers were:"),
        *shared_sentence(review, pairs),
        *_body(review, rng),
        ("heading", "Key recommendations"),
        ("list", list(review.recommendations)),
    ]


Family = Callable[[Review, random.Random, list], list[Block]]
CORPORATE_FAMILIES: dict[str, Family] = {
    "letter": letter,
    "feedback": feedback_report,
    "committee": committee_paper,
}
