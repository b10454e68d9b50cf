"""Visit dates, the reviewed council and abbreviations, on invented snippets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graphload.extract.dates import parse_range
from graphload.gazetteer import Gazetteer
from tests.extract_helpers import extract_text


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("14th to 17th May 2012", date(2012, 5, 14), date(2012, 5, 17)),
        ("22-24th January and 23rd February 2018", date(2018, 1, 22), date(2018, 2, 23)),
        ("8th-11th November 2016", date(2016, 11, 8), date(2016, 11, 11)),
        ("on-site visit (12th to 15th November 2013)", date(2013, 11, 12), date(2013, 11, 15)),
        ("during 10-13 October 2023", date(2023, 10, 10), date(2023, 10, 13)),
        ("31 October – 3 November 2023", date(2023, 10, 31), date(2023, 11, 3)),
    ],
)
def test_visit_date_wordings(text: str, start: date, end: date) -> None:
    assert parse_range(text) == (start, end)


def test_meeting_date_is_not_a_visit(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Date of meeting: 10 to 13 September 2012\n\n"
        "Corporate Peer Challenge of Wigan Council\n\nProse.\n",
    )
    assert record.review.start_date is None


def test_letter_date_is_not_a_visit_but_the_visit_in_the_text_is(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "13 January 2014\n\nDear Ann\n\nWigan Council – Corporate "
        "Peer Challenge\n\nIt builds on the feedback at the end of the on-site "
        "visit (12th to 15th November 2013).\n",
    )
    assert (record.review.start_date, record.review.end_date) == ("2013-11-12", "2013-11-15")
    assert record.review.year == 2013
    assert [c.id for c in record.review.councils] == ["WGN"]


def test_year_from_a_sentence_when_no_dates(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Report for decision\n\nThe Corporate Peer Challenge of "
        "Wigan Council was undertaken in March 2019.\n",
    )
    assert record.review.year == 2019 and record.review.start_date is None
    assert [c.id for c in record.review.councils] == ["WGN"]


def test_unnamed_council_gives_none_and_a_warning(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Corporate Peer Challenge\n\n4-7 March 2019\n\n"
        "The Council is ambitious and the Council is well led.\n",
    )
    assert record.review.councils == []
    assert any("never names the reviewed council" in w for w in record.warnings)


@pytest.mark.parametrize(
    ("name", "year", "code"),
    [
        ("Mid-Suffolk", 2012, "MSU"),
        ("MIDSUFFOLK", 2012, "MSU"),
        ("City of Stoke-on-Trent Council", 2016, "STE"),
        ("Bromsgrove DC", 2018, "BRM"),
        ("North Yorkshire CC", 2018, "NYK"),
        ("North Yorkshire Council", 2024, "NYE"),
        ("Dorset", 2012, "DOR"),
        ("South Northants", 2018, "SNR"),
        ("London Borough of Barking & Dagenham", 2013, "BDG"),
    ],
)
def test_gazetteer_resolves_council_names(name: str, year: int, code: str) -> None:
    entry = Gazetteer.load().resolve(name, year)
    assert entry is not None and entry.code == code


def test_abbreviation_defined_in_the_document(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Corporate Peer Challenge Bromsgrove DC (BDC)\n\n"
        "1-3 May 2018\n\nThe peers were:\n- Ann Example, Director, BDC\n\n"
        "Prose.\n",
    )
    assert [o.id for o in record.peers[0].organisations] == ["BRM"]


def test_organisations_that_are_not_councils_keep_their_names(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Corporate Peer Challenge Wigan Council\n\n1-3 May 2018\n\n"
        "The peers were:\n- Ann Example, Programme Manager, LGA\n"
        "- Bob Sample, Partner, Acme Consulting Ltd\n\nProse.\n",
    )
    orgs = {p.name: [(o.id, o.name) for o in p.organisations] for p in record.peers}
    assert orgs["Ann Example"] == [
        ("org:local-government-association", "Local Government Association")
    ]
    assert orgs["Bob Sample"] == [("org:acme-consulting-ltd", "Acme Consulting Ltd")]


def test_two_day_visit_in_a_sentence_about_the_visit(tmp_path: Path) -> None:
    record = extract_text(
        tmp_path,
        "Date of meeting: 10 and 13 September 2019\n\nWigan Council – "
        "Corporate Peer Challenge\n\nThe peer challenge took place on 4 and 5 "
        "March 2019.\n",
    )
    assert (record.review.start_date, record.review.end_date) == ("2019-03-04", "2019-03-05")
