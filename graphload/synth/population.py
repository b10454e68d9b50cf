"""Who and what a synthetic corpus is about: councils from the gazetteer, invented
people, councils that share services, signposts that recur, and the reviews.

Everything is drawn from one ``random.Random`` so that a seed gives the same
population, whatever the size asked for next time (sizes only add reviews).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import accumulate

from graphload.gazetteer import Gazetteer

# Invented people: first names and surnames chosen not to be place names.
FIRST_NAMES = (
    "Alison Amrit Barbara Bethan Callum Carys Declan Delyth Eamon Eleri Farah Fergus Gareth "
    "Gwen Harriet Hamish Imogen Ishaan Jasper Jocelyn Kieran Kirsty Lowri Lucian Magnus Maren "
    "Niamh Nikhil Orla Oswin Petra Priyanka Quentin Rhodri Rosalind Saoirse Soren Tamsin "
    "Thaddeus Ursula Valentin Wilhelmina Xanthe Yasmin Zubair Anouk Bartholomew Cosima Dervla"
).split()
SURNAMES = (
    "Abernethy Achterberg Blackwood Brannigan Castellano Cholmondeley Dunsmore Drummond "
    "Ellwood Fairbairn Fennimore Galbraith Gillespie Hartigan Holloway Inchbald Jardine "
    "Kavanagh Kilbride Lachlan Llewellyn Macaulay Merriweather Nairn Northcott Ogilvie "
    "Pemberton Quigley Rathbone Rountree Sandeman Sutcliffe Tremayne Trelawney Underhill "
    "Vickerstaff Wainwright Whitlock Yardley Zelenka Ashdown Blenkinsop Carmody Delahunt "
    "Etheridge Fotheringham Gorringe Hennessey Ingleby Kettlewell"
).split()
OFFICER_ROLES = (
    "Chief Executive",
    "Deputy Chief Executive",
    "Director of Resources",
    "Strategic Director",
    "Director of Place",
    "Head of Finance",
    "Corporate Director",
    "Assistant Chief Executive",
)
COUNCILLOR_ROLES = ("Leader", "Deputy Leader", "Cabinet Member for Finance", "Cabinet Member")
PARTIES = ("Labour", "Conservative", "Liberal Democrat", "Independent")
LGA_ROLES = ("Programme Manager", "Peer Challenge Manager")
SHARED_WHAT = ("a chief executive and management team", "revenues and benefits services")
REVIEWABLE_KINDS = {"district", "borough", "unitary", "London borough", "county", "city"}
REVIEWABLE_KINDS |= {"metropolitan borough", "metropolitan district"}


# Councils whose names the reader does not yet resolve from a letter's heading
# ("Council of the Isles of Scilly"): left out so that F1 measures the families.
UNUSUAL = {"IOS"}


@dataclass(frozen=True)
class Council:
    code: str
    name: str  # the register's official name: what the documents write
    short_name: str
    first_year: int = 0  # a council created in 2019 is not reviewed in 2015


@dataclass
class Person:
    id: int
    name: str
    employer: Council
    role: str
    councillor: bool = False
    party: str | None = None
    lga: bool = False
    # a chief executive of two councils that share one names both
    shared_with: Council | None = None


@dataclass(frozen=True)
class Signpost:
    title: str
    councils: tuple[Council, ...]
    what: str


@dataclass
class Review:
    id: int
    kind: str  # Corporate Peer Challenge | ... Progress Review | Finance Peer Review
    council: Council
    year: int
    month: int
    first_day: int
    team: list[Person]
    signposts: list[Signpost]
    recommendations: list[str]
    themes: list[str]
    slips: dict[int, str] = field(default_factory=dict)  # person id -> name as misspelled


@dataclass
class Population:
    councils: list[Council]
    people: list[Person]
    shared_pairs: list[tuple[Council, Council, str]]
    signposts: list[Signpost]


def load_councils(gazetteer: Gazetteer) -> list[Council]:
    """England's current councils that are reviewed (no combined authorities)."""
    entries = [
        e
        for e in gazetteer.entries.values()
        if e.nation == "England"
        and not e.end_date
        and e.kind in REVIEWABLE_KINDS
        and e.code not in UNUSUAL
    ]
    return [
        Council(e.code, e.name, e.short_name or e.name, int((e.start_date or "0")[:4]))
        for e in sorted(entries, key=lambda e: e.code)
    ]


def slip(name: str, rng: random.Random) -> str:
    """The name with one letter of the surname doubled or changed: a typing slip."""
    first, _, surname = name.partition(" ")
    position = rng.randrange(2, len(surname) - 1)
    letter = surname[position]
    if rng.random() < 0.5:
        surname = surname[:position] + letter + surname[position:]
    else:
        vowels = "aeiou"
        other = vowels[(vowels.index(letter) + 1) % 5] if letter in vowels else "e"
        surname = surname[:position] + other + surname[position + 1 :]
    return f"{first} {surname}"


def make_population(rng: random.Random, councils: list[Council], people_count: int) -> Population:
    shuffled = list(councils)
    rng.shuffle(shuffled)
    # Signpost titles pair short names ("Adur and Worthing Councils"); the reader does not
    # split a short name that has its own "and" or "with" ("Blackburn with Darwen").
    districts = [
        c
        for c in shuffled
        if ("District" in c.name or "Borough Council" in c.name)
        and not {"and", "with"} & set(c.short_name.split())
    ]
    pairs = [
        (districts[i], districts[i + 1], SHARED_WHAT[(i // 2) % len(SHARED_WHAT)])
        for i in range(0, min(40, len(districts) - 1), 2)
    ]
    names = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
    rng.shuffle(names)
    if people_count > len(names):  # a national corpus: double-barrelled surnames too
        doubled = [
            f"{first} {a}-{b}"
            for first in FIRST_NAMES
            for a in SURNAMES
            for b in SURNAMES
            if a != b
        ]
        rng.shuffle(doubled)
        names += doubled
    people: list[Person] = []
    for index, name in enumerate(names[:people_count]):
        draw = rng.random()
        if draw < 0.08:
            person = Person(index, name, _LGA, rng.choice(LGA_ROLES), lga=True)
        elif draw < 0.45:
            person = Person(
                index,
                name,
                rng.choice(councils),
                rng.choice(COUNCILLOR_ROLES),
                councillor=True,
                party=rng.choice(PARTIES),
            )
        else:
            person = Person(index, name, rng.choice(councils), rng.choice(OFFICER_ROLES))
        people.append(person)
    for a, b, _ in pairs[: len(pairs) // 2]:  # half the sharing pairs share a chief executive
        officers = [p for p in people if not p.councillor and not p.lga and p.shared_with is None]
        chief = rng.choice(officers)
        chief.employer, chief.shared_with, chief.role = a, b, "Chief Executive"
    signposts = [
        Signpost(f"{a.short_name} and {b.short_name} Councils", (a, b), what)
        for a, b, what in pairs
    ]
    return Population(councils, people, pairs, signposts)


_LGA = Council("LGA", "Local Government Association", "LGA")
THEMES = (
    "Understanding of the local context and priority setting",
    "Financial planning and viability",
    "Political and managerial leadership",
    "Governance and decision-making",
    "Organisational capacity",
)
ADVICE = (
    "Refresh the medium term financial strategy and set out the savings needed each year",
    "Agree a small number of corporate priorities and publish how progress will be reported",
    "Strengthen the role of scrutiny in setting the budget",
    "Invest in the skills the workforce will need for digital services",
    "Develop a single plan for economic growth with partners across the area",
    "Set out a clear timetable for the transformation programme",
    "Review the council's asset base and dispose of what it no longer needs",
    "Make more of the goodwill of partners in the voluntary sector",
    "Build capacity in the commissioning team before new contracts are let",
    "Improve how the council listens to residents before decisions are taken",
    "Give ward members a clearer role in leading their communities",
    "Bring the housing delivery plan forward and resource it fully",
)
KINDS = (
    "Corporate Peer Challenge",
    "Corporate Peer Challenge Progress Review",
    "Finance Peer Review",
)
KIND_WEIGHTS = (0.7, 0.15, 0.15)


def make_reviews(
    rng: random.Random, population: Population, count: int, slip_rate: float
) -> list[Review]:
    # Most people serve once or twice, a keen few dozens of times: weights fall off
    # with their place in the list (for 10,000 documents: at most about 70 reviews).
    people = population.people
    lga = [p for p in people if p.lga]
    members = [p for p in people if not p.lga]
    scale = max(1.0, len(members) / 100)
    cumulative = list(accumulate(1.0 / (1 + i / scale) for i in range(len(members))))
    reviews = []
    for index in range(count):
        council = rng.choice(population.councils)
        team_size = rng.randint(4, 6)
        team: list[Person] = []
        while len(team) < team_size:
            person = rng.choices(members, cum_weights=cumulative)[0]
            if person not in team and person.employer != council and person.shared_with != council:
                team.append(person)
        team.append(rng.choice(lga))
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        signposts = (
            rng.sample(population.signposts, rng.randint(1, 2))
            if kind == "Corporate Peer Challenge" and rng.random() < 0.6
            else []
        )
        signposts = [s for s in signposts if council not in s.councils]
        slips = {p.id: slip(p.name, rng) for p in team if rng.random() < slip_rate}
        reviews.append(
            Review(
                id=index,
                kind=kind,
                council=council,
                year=rng.randint(max(2011, council.first_year), 2024),
                month=rng.randint(1, 12),
                first_day=rng.randint(1, 24),
                team=team,
                signposts=signposts,
                recommendations=rng.sample(ADVICE, rng.randint(4, 7)),
                themes=rng.sample(THEMES, rng.randint(3, 5)),
                slips=slips,
            )
        )
    return reviews
