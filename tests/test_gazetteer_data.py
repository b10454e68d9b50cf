"""The register of councils ships inside the package; $PEERGRAPH_GAZETTEER overrides it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graphload.errors import PeergraphError
from graphload.gazetteer import GAZETTEER_DIR, REGISTER_FILE, Gazetteer, gazetteer_dir

PACKAGE = Path(__file__).resolve().parent.parent / "graphload"


def test_the_register_and_its_licence_live_inside_the_package() -> None:
    assert GAZETTEER_DIR.is_relative_to(PACKAGE)
    assert (GAZETTEER_DIR / REGISTER_FILE).is_file()
    assert "MIT" in (GAZETTEER_DIR / "LICENSE-mysociety.txt").read_text(encoding="utf-8")


def test_the_environment_names_another_register(tmp_path, monkeypatch) -> None:
    with open(GAZETTEER_DIR / REGISTER_FILE, encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if row["local-authority-code"] == "BUR"]
        fields = reader.fieldnames
    assert fields and rows
    with open(tmp_path / REGISTER_FILE, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    (tmp_path / "lookup_name_to_registry.csv").write_text(
        "la-name,local-authority-code\nBury Metro,BUR\n", encoding="utf-8"
    )
    monkeypatch.setenv("PEERGRAPH_GAZETTEER", str(tmp_path))
    assert gazetteer_dir() == tmp_path
    register = Gazetteer.load()
    assert list(register.entries) == ["BUR"]
    assert register.resolve("Bury Council", 2018).code == "BUR"
    assert register.resolve("Bromsgrove District Council", 2018) is None  # not in this one


def test_a_missing_register_is_one_sentence(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PEERGRAPH_GAZETTEER", str(tmp_path / "nowhere"))
    with pytest.raises(PeergraphError, match="register of councils is not in .*nowhere"):
        Gazetteer.load()
