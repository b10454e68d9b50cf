"""python -m graphload.synth --docs N --out DIR [--seed S]"""

from __future__ import annotations

import argparse
import sys

from graphload.synth import write_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m graphload.synth",
        description="Write a synthetic corpus of peer challenge documents with their truth.",
    )
    parser.add_argument("--docs", type=int, required=True, help="how many documents")
    parser.add_argument("--out", required=True, help="directory: reports/ and truth/ go in it")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same corpus")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be 1 or more")
    paths = write_corpus(args.docs, args.out, args.seed)
    print(f"wrote {len(paths)} documents to {args.out}/reports and their truth to {args.out}/truth")
    return 0


if __name__ == "__main__":
    sys.exit(main())
