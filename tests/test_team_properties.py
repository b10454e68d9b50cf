"""Properties of the team reader on random text and random team lists (hypothesis):
it never fails, its work grows with the text and no faster, and a valid team entry is
never lost because of the line beside it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphload.extract.councils import CouncilFinder
from graphload.extract.reading import Line
from graphload.extract.team import blocks, entry, find_peers, prose
from graphload.gazetteer import Gazetteer

FINDER = CouncilFinder(Gazetteer.load())
NAMES = [
    "Ann Example",
    "Siobhán Murphy",
    "J. Smith",
    "Jane van der Berg",
    "Pip O'Neill-Case",
    "Zoë Ørsted",
    "Kofi Mensah-Bonsu",
    "Ms A N Other",
    "Dr Li Wei",
    "Cllr Rhodri ap Gwyn",
]
ROLES = ["Chief Executive", "Director of Place", "Leader", "Programme Manager", "Head of Policy"]
EMPLOYERS = ["Leeds City Council", "Bolton Council", "Wigan Council", "LGA", "NHS Somerset"]
FORMS = [
    "{name}, {role}, {org}",
    "{name} – {role}, {org}",
    "{name} ({role}, {org})",
    "Lead Peer: {name}, {role}, {org}",
    "{name} - {org} (member peer)",
    "{name}, {role} at {org}",
]
HOSTILE = [
    "<script>alert(1)</script>",
    "TBC",
    "Vacant",
    "Lead Officer",
    "Programme support",
    "\x1b]0;owned\x07",
    "x" * 900,
    "Scope and focus",
]
junk_line = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_characters="\n\r"), max_size=300),
)
entry_text = st.builds(
    lambda form, role, org: (form, role, org),
    st.sampled_from(FORMS),
    st.sampled_from(ROLES),
    st.sampled_from(EMPLOYERS),
)
PLAIN = {"J. Smith": "J. Smith", "Ms A N Other": "A N Other", "Dr Li Wei": "Li Wei"}


def _lines(texts: list[str], bullet: bool = True) -> list[Line]:
    return [
        Line(number, text, bullet=bullet and bool(text), raw=text, kind="list_item")
        for number, text in enumerate(texts, 1)
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.lists(st.sampled_from(NAMES), min_size=1, max_size=8, unique=True),
    forms=st.lists(entry_text, min_size=8, max_size=8),
    neighbours=st.lists(st.one_of(st.none(), junk_line), min_size=8, max_size=8),
)
def test_a_valid_entry_is_never_lost_because_of_its_neighbour(
    people: list[str], forms: list[tuple[str, str, str]], neighbours: list[str | None]
) -> None:
    texts = ["The peers were:", ""]
    for person, (form, role, org), neighbour in zip(people, forms, neighbours, strict=False):
        texts.append(form.format(name=person, role=role, org=org))
        if neighbour is not None:
            texts.append(" ".join(neighbour.split()))
    found = {p.name for p in find_peers(_lines(texts), FINDER)[0]}
    wanted = {PLAIN.get(name, name.removeprefix("Cllr ")) for name in people}
    assert wanted <= found


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the reader's attempts to read a name: its unit of work."""
    calls = [0]
    real = blocks.take_name

    def counting(text: str, start: int = 0):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return real(text, start)

    for module in (blocks, entry, prose):
        monkeypatch.setattr(module, "take_name", counting)
    return calls


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(text=st.text(max_size=3000))
def test_random_text_never_fails_and_work_grows_linearly(counted: list[int], text: str) -> None:
    counted[0] = 0
    lines = [Line(n, " ".join(t.split()), raw=t) for n, t in enumerate(text.splitlines(), 1)]
    find_peers(lines, FINDER)
    assert counted[0] <= 4 * (len(text) + len(lines)) + 4


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    words=st.lists(
        st.sampled_from(
            ["Ann", "Example,", "led", "by", "Bob", "Sample", "(Chief", "Executive)", "and",
             "the", "peer", "team", "was:", "Leeds", "City", "Council;", "•", "–", "Cllr",
             "LGA.", "assisted"]
        ),
        max_size=400,
    )
)  # fmt: skip
def test_team_like_word_salad_never_fails(counted: list[int], words: list[str]) -> None:
    counted[0] = 0
    text = " ".join(words)
    find_peers([Line(1, text, raw=text)], FINDER)
    assert counted[0] <= 4 * (len(text) + 1) + 4
