"""peergraph is a real package: its wheel, installed in a fresh venv, runs the demo
from a folder that is not the repository (the register of councils ships inside).

The fresh venv reuses the dependencies already installed for the tests (a .pth
line naming their site-packages) so that nothing is downloaded; peergraph itself
comes only from the wheel, which the test checks.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("graphload", "queries", "visualise")


def _run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PEERGRAPH_STORE")}
    source = base / "source"  # a copy, so the build writes nothing into the repository
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    dist = base / "dist"
    build = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-q", "-w", dist, source],
        base,
        env,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("peergraph-*.whl")

    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = venv / "bin" / "python"
    purelib = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    dependencies = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    (purelib / "peergraph-test-dependencies.pth").write_text("\n".join(sorted(dependencies)))
    install = _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
         "--no-index", "-q", wheel],
        base,
        env,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return {"venv": venv, "python": python, "cwd": elsewhere, "base": base, "wheel": wheel}


def test_the_wheel_holds_the_register_and_its_licence(installed) -> None:
    import zipfile

    names = zipfile.ZipFile(installed["wheel"]).namelist()
    assert "graphload/data/gazetteer/uk_local_authorities_current.csv" in names
    assert "graphload/data/gazetteer/LICENSE-mysociety.txt" in names
    assert any(n.startswith("queries/") and n.endswith(".cypher") for n in names)
    assert "visualise/assets/map.js" in names


def test_peergraph_comes_from_the_wheel_not_the_checkout(installed) -> None:
    code = "import graphload, queries, visualise; print(graphload.__file__, visualise.__file__)"
    out = _run([installed["python"], "-c", code], installed["cwd"], dict(os.environ)).stdout
    for path in out.split():
        assert Path(path).is_relative_to(installed["venv"]), path


def test_demo_runs_from_the_installed_wheel(installed) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PEERGRAPH_STORE")}
    store, maps = installed["base"] / "store", installed["base"] / "maps"
    demo = _run(
        [installed["venv"] / "bin" / "peergraph", "demo", ROOT / "data" / "reports",
         "--store", store, "--maps", maps],
        installed["cwd"],
        env,
    )  # fmt: skip
    assert demo.returncode == 0, demo.stderr
    documents = len(list((ROOT / "data" / "reports").iterdir()))  # text, PDF and Word
    assert f"Read {documents} documents, 0 failed" in demo.stdout
    assert sorted(p.name for p in maps.glob("*.html")) == ["council-bur.html", "overview.html"]
    assert f"peergraph report council bury --store {store}" in demo.stdout
