"""The register answers the names reports use for councils, not only their official ones."""

from __future__ import annotations

import pytest

from graphload.gazetteer import Gazetteer


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("London Borough of Richmond", "RIC"),  # the river left off
        ("Richmond Council", "RIC"),
        ("Royal Borough of Kingston", "KTT"),
        ("Kingston Council", "KTT"),
        ("London Borough of Richmond upon Thames", "RIC"),
        ("Kingston upon Hull City Council", "KHL"),  # another river: not Kingston upon Thames
        ("Richmondshire District Council", "RIH"),  # a different council that starts alike
    ],
)
def test_a_thames_borough_is_found_without_its_river(written: str, code: str) -> None:
    entry = Gazetteer.load().resolve(written, 2020)
    assert entry is not None and entry.code == code


def test_a_city_status_name_finds_the_council_the_register_calls_a_borough() -> None:
    entry = Gazetteer.load().resolve("Colchester City Council", 2023)
    assert entry is not None and entry.code == "COL"
