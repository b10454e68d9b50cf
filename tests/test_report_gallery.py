"""README GALLERY UP TO DATE: the README's report gallery equals a fresh run.

If this fails after a change to a report, the loader or the sample data, run
``make gallery`` (scripts/make_gallery.py) and commit README.md.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import queries_fixtures

from queries import list_reports

seed_store = queries_fixtures.seed_store
ROOT = Path(__file__).resolve().parent.parent


def _gallery_module():
    spec = importlib.util.spec_from_file_location("make_gallery", ROOT / "scripts/make_gallery.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_replace_section_keeps_the_rest() -> None:
    mg = _gallery_module()
    readme = f"# x\n\nbefore\n{mg.START}\nold\n{mg.END}\nafter\n"
    out = mg.replace_section(readme, "NEW")
    assert out == f"# x\n\nbefore\n{mg.START}\nNEW\n{mg.END}\nafter\n"
    with pytest.raises(ValueError):
        mg.replace_section("no markers", "NEW")


def test_gallery_has_every_report_with_real_output(seed_store) -> None:
    mg = _gallery_module()
    gallery = mg.build_gallery(seed_store)
    for spec in list_reports():
        assert f"$ peergraph report {spec.name}" in gallery
    assert "Kevin Dicks" in gallery  # path babergh bromsgrove, a real excerpt
    blocks = gallery.split("```console\n")[1:]
    output = [line for b in blocks for line in b.split("```")[0].splitlines()[1:]]
    assert output and max(len(line) for line in output) <= 80


def test_readme_gallery_is_up_to_date() -> None:
    """THE README GALLERY CHECK: regenerate into a string and compare with README.md."""
    mg = _gallery_module()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if mg.START not in readme:
        pytest.skip("README.md has no gallery markers yet")
    try:
        wanted = mg.replace_section(readme, mg.sample_gallery())
    except ImportError as exc:
        pytest.skip(f"the loader cannot read the sample reports yet: {exc}")
    assert wanted == readme, "README.md's gallery is out of date: run `make gallery`"
