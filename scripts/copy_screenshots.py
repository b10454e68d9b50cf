#!/usr/bin/env python3
"""Copy the map screenshots the browser tests made (build/screenshots/, ignored by
git) into docs/maps/, where docs/maps.md and the README show them.

    python scripts/copy_screenshots.py

The tests never write into docs/ themselves; ``make gallery`` runs them and then
this script.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "build" / "screenshots"
DOCS = ROOT / "docs" / "maps"


def main() -> int:
    shots = sorted(BUILT.glob("*.png"))
    if not shots:
        print(f"error: no screenshots in {BUILT}; run the browser tests first", file=sys.stderr)
        return 1
    DOCS.mkdir(parents=True, exist_ok=True)
    for shot in shots:
        shutil.copyfile(shot, DOCS / shot.name)
    print(f"Copied {len(shots)} screenshots into {DOCS.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
